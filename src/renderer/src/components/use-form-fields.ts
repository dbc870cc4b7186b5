// A form's values and its per-field errors: changing a field clears its error (and, through
// `onChange`, the engine's last refusal, which was about the values before).
import { useCallback, useState } from 'react';

export interface FormFields<V extends object> {
  values: V;
  errors: Partial<Record<keyof V, string>>;
  setErrors: (errors: Partial<Record<keyof V, string>>) => void;
  change: (patch: Partial<V>) => void;
}

export function useFormFields<V extends object>(initial: V | (() => V), onChange?: () => void): FormFields<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const change = useCallback(
    (patch: Partial<V>) => {
      setValues((v) => ({ ...v, ...patch }));
      setErrors((e) => {
        const next = { ...e };
        for (const key of Object.keys(patch)) delete next[key as keyof V];
        return next;
      });
      onChange?.();
    },
    [onChange],
  );
  return { values, errors, setErrors, change };
}

// What each "make something" form gets from its modal.
import type { MadeThing } from '../../../../shared/namespace-model';

export interface MadeFormProps {
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onMade: (thing: MadeThing) => void;
}

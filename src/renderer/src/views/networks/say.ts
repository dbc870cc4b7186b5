// How the pure form checks and labels of this view and of Namespaces say things: a catalogue key
// and its parameters, turned into words by the caller (the window's t(), or English in unit tests).
export type Say = (key: string, params?: Record<string, string | number>) => string;

/** A Say from react-i18next's t (which wants its options object present). */
export const sayWith =
  (t: (key: string, options: Record<string, string | number>) => string): Say =>
  (key, params) =>
    t(key, params ?? {});

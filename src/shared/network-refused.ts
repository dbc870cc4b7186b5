// A network change refused before anything was done, with the reason in one sentence and the form
// field it is about (the Networks view marks that field).
export type NetworkField =
  | 'name'
  | 'driver'
  | 'subnet'
  | 'gateway'
  | 'ipRange'
  | 'options'
  | 'network'
  | 'container'
  | 'ip'
  | 'aliases'
  | 'docker';

export class NetworkRefused extends Error {
  override name = 'NetworkRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
  constructor(
    readonly field: NetworkField,
    message: string,
  ) {
    super(message);
  }
}

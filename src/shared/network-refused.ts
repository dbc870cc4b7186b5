// A network change refused before anything was done, with the reason in one sentence and the form
// field it is about (the Networks view marks that field).
import { inEnglish } from './i18n/english';
import { message, type Message, type MessageParam } from './message';

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
  /** The sentence as a message (engine-errors), when it was said as one; `message` is its English. */
  readonly said?: Message;
  constructor(
    readonly field: NetworkField,
    said: Message | string,
  ) {
    super(typeof said === 'string' ? said : inEnglish(said));
    if (typeof said !== 'string') this.said = said;
  }
}

/** A refusal said as `engine-errors:network.<key>`. */
export const networkRefusal = (field: NetworkField, key: string, params: Record<string, MessageParam> = {}): NetworkRefused =>
  new NetworkRefused(field, message(`engine-errors:network.${key}`, params));

// The probe's detail as a message: a socket error code or a tool's own words are data, said as they
// came; only the probe's silence is Bridgeport's sentence. Pure.
import { message, type Message } from '../../../shared/message';
import { PROBE_PRINTED_NOTHING } from '../../privileged/contract/trace-operations';

export function probeDetailMessage(detail: string): Message {
  return detail === PROBE_PRINTED_NOTHING ? message('engine-trace:probe.printedNothing') : message('engine-common:text', { text: detail });
}

// From a Bridgeport row of the ports table to what unpublishing it removes and the request. Pure.
import type { MethodInput } from '../../../../shared/contract';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { MappingStatus } from '../../../../shared/publish-model';

export type UnpublishRequestInput = MethodInput<'ports.unpublish'>;

/** The table shows "every address" as 0.0.0.0; the contract writes it ''. */
const contractIp = (hostIp: string) => (hostIp === '0.0.0.0' ? '' : hostIp);

/** By the container's id: a mapping stays bound to its container even after a rename or removal. */
export function unpublishRequestOf(port: PublishedPort): UnpublishRequestInput | null {
  if (port.source !== 'bridgeport' || port.protocol === 'sctp') return null;
  return { container: port.container.id, hostIp: contractIp(port.hostIp), hostPort: port.hostPort, protocol: port.protocol };
}

/** The mapping a row belongs to: a range is listed one row per port, and unpublishing removes it whole. */
export function mappingOfRow(port: PublishedPort, mappings: readonly MappingStatus[]): MappingStatus | null {
  return (
    mappings.find(
      (m) =>
        m.container.id === port.container.id &&
        m.protocol === port.protocol &&
        m.hostIp === contractIp(port.hostIp) &&
        m.hostPort <= port.hostPort &&
        port.hostPort <= m.hostPortEnd,
    ) ?? null
  );
}

// A link as the kernel reports it, before veth peers are resolved into the model.
import type { LinkKind } from '../../../shared/model';

export interface KernelLink {
  name: string;
  ifindex: number;
  kind: LinkKind;
  driver: string | null;
  mac: string | null;
  mtu: number;
  up: boolean;
  operState: string;
  addresses: string[];
  master: string | null;
  /** veth only: the peer's ifindex (in the peer's namespace). */
  peerIfindex: number | null;
  /** veth only: nsid of the peer's namespace from this namespace's view; null = same namespace. */
  peerNetnsId: number | null;
  /** The link's alias (ifalias), when it has one: Bridgeport tags the links it makes with it. */
  alias?: string;
}

// Reads what the meaning checks decide on, from the system itself (never from the caller): links
// with addresses, the engines' rules, and listening sockets. I/O only; the rules are in netcore/meaning.
import { bridgesInEngineChains, bridgesInNetavark, type BridgeOwnership } from '../../netcore/meaning/engine-bridges';
import { parseHostLinks, type HostLink } from '../../netcore/meaning/host-links';
import { parseListeners, type Listener } from '../../netcore/host/parse-listeners';
import { runCommand } from '../../system/run-command';

export async function readHostLinks(inNamespace: readonly string[] = []): Promise<HostLink[]> {
  return parseHostLinks(await runCommand([...inNamespace, 'ip', '-j', '-d', 'addr', 'show']));
}

/** Links plus the interfaces the engines' own rules name (iptables-save, and netavark's nft table when nft is there). */
export async function readBridgeOwnership(): Promise<BridgeOwnership> {
  const [links, saved, nft] = await Promise.all([
    readHostLinks(),
    runCommand(['iptables-save']).catch(() => ''),
    runCommand(['nft', 'list', 'table', 'inet', 'netavark']).catch(() => ''),
  ]);
  return { links, engineNamed: new Set([...bridgesInEngineChains(saved), ...bridgesInNetavark(nft)]) };
}

export async function readListeners(): Promise<Listener[]> {
  return parseListeners(await runCommand(['ss', '-Hlntup']));
}

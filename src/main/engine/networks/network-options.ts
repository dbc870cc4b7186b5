// Docker's driver options (`-o key=value`) as Bridgeport knows them: names, which driver takes which,
// the CLI's parsing of repeated -o flags, and the effective values a network ends up with. Pure.
import { NetworkRefused } from './network-refused';

export const OPT = {
  bridgeName: 'com.docker.network.bridge.name',
  icc: 'com.docker.network.bridge.enable_icc',
  masquerade: 'com.docker.network.bridge.enable_ip_masquerade',
  hostBinding: 'com.docker.network.bridge.host_binding_ipv4',
  defaultBridge: 'com.docker.network.bridge.default_bridge',
  mtu: 'com.docker.network.driver.mtu',
  parent: 'parent',
  macvlanMode: 'macvlan_mode',
  ipvlanMode: 'ipvlan_mode',
  ipvlanFlag: 'ipvlan_flag',
  encrypted: 'encrypted',
} as const;

export type CreatableDriver = 'bridge' | 'macvlan' | 'ipvlan' | 'overlay';

/** The options each driver takes; anything else is refused (Docker would store a typo and ignore it). */
export const KNOWN_OPTIONS: Record<CreatableDriver, readonly string[]> = {
  bridge: [OPT.bridgeName, OPT.icc, OPT.masquerade, OPT.hostBinding, OPT.mtu],
  macvlan: [OPT.parent, OPT.macvlanMode, OPT.mtu],
  ipvlan: [OPT.parent, OPT.ipvlanMode, OPT.ipvlanFlag, OPT.mtu],
  overlay: [OPT.encrypted, OPT.mtu],
};

export const MACVLAN_MODES = ['bridge', 'vepa', 'private', 'passthru'] as const;
export const IPVLAN_MODES = ['l2', 'l3', 'l3s'] as const;
export const IPVLAN_FLAGS = ['bridge', 'private', 'vepa'] as const;

/**
 * Repeated `-o key=value` flags as Docker's CLI reads them: split at the first '=', a bare key means
 * an empty value (`-o encrypted`). The same key twice with different values is refused.
 */
export function parseOptionPairs(pairs: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    const value = at < 0 ? '' : pair.slice(at + 1);
    if (key === '') throw new NetworkRefused('options', `-o needs key=value, got "${pair}"`);
    if (Object.hasOwn(options, key) && options[key] !== value) {
      throw new NetworkRefused('options', `option ${key} is given twice ("${options[key]}" and "${value}")`);
    }
    options[key] = value;
  }
  return options;
}

/** `--driver` as typed: the four Bridgeport creates; host and none are Docker's fixed built-ins. */
export function parseDriver(text: string): CreatableDriver {
  if (text === 'bridge' || text === 'macvlan' || text === 'ipvlan' || text === 'overlay') return text;
  if (text === 'host' || text === 'null' || text === 'none') {
    throw new NetworkRefused('driver', `${text === 'null' ? 'none' : text} is one of Docker's built-in networks (there is exactly one host and one none network): it cannot be created`);
  }
  throw new NetworkRefused('driver', `unknown driver "${text}": Bridgeport creates bridge, macvlan, ipvlan and overlay networks`);
}

/** A boolean option as Docker's bridge driver reads it; absent means the driver's default. */
function flag(options: Record<string, string>, key: string, fallback: boolean): boolean {
  const value = options[key];
  if (value === undefined || value === '') return fallback;
  // Go's strconv.ParseBool, which Docker uses.
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return fallback;
}

export interface EffectiveOptions {
  mtu: number | null;
  icc: boolean | null;
  masquerade: boolean | null;
  hostBindingIpv4: string | null;
}

/**
 * What a network's options amount to. Bridge networks get Docker's defaults when an option is not set
 * (icc and masquerade on, published ports on 0.0.0.0); other drivers have no such settings (null).
 * The MTU is null when not set: the daemon's default (1500 unless dockerd has --mtu) applies.
 */
export function effectiveOptions(driver: string, options: Record<string, string>): EffectiveOptions {
  const mtuText = options[OPT.mtu];
  const mtu = mtuText !== undefined && /^\d+$/.test(mtuText) && Number(mtuText) > 0 ? Number(mtuText) : null;
  if (driver !== 'bridge') return { mtu, icc: null, masquerade: null, hostBindingIpv4: null };
  return {
    mtu,
    icc: flag(options, OPT.icc, true),
    masquerade: flag(options, OPT.masquerade, true),
    hostBindingIpv4: options[OPT.hostBinding] || '0.0.0.0',
  };
}

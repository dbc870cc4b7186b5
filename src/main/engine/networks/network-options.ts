// Docker's driver options (`-o key=value`) as Bridgeport knows them: names, which driver takes which,
// and the effective values a network ends up with (the CLI's -o and --driver are read in
// src/shared/network-model.ts). Pure.
import type { CreatableDriver } from '../../../shared/network-model';

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

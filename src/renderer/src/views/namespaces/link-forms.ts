// The namespace, bridge, veth and move forms: their values, what is obviously wrong with them
// (said per field), and the contract inputs they make. Whether a name is taken, a container
// running or an address free is the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { netnsNameSchema } from '../../../../shared/atoms/names';
import { isIpv4, isIpv4Cidr, linkNameProblem, parseMtu } from '../../format/address-text';

type Check<I, F extends string> = { input: I; errors?: undefined } | { input?: undefined; errors: Partial<Record<F, string>> };

const done = <I, F extends string>(errors: Partial<Record<F, string>>, input: () => I): Check<I, F> =>
  Object.keys(errors).length > 0 ? { errors } : { input: input() };

function cidrProblem(text: string): string | null {
  if (!text) return null;
  return isIpv4Cidr(text) ? null : `“${text}” is not an address with its prefix: write one like 10.88.0.1/24`;
}

function mtuOf(text: string, errors: { mtu?: string }): number | undefined {
  const mtu = parseMtu(text);
  if (typeof mtu === 'string') errors.mtu = mtu;
  return typeof mtu === 'number' ? mtu : undefined;
}

// --- namespace --------------------------------------------------------------------------------

export function checkNetnsForm(values: { name: string }): Check<MethodInput<'netns.create'>, 'name'> {
  const name = values.name.trim();
  const parsed = netnsNameSchema.safeParse(name);
  const errors: Partial<Record<'name', string>> = {};
  if (!parsed.success) errors.name = capitalize(parsed.error.issues[0]?.message ?? 'not a namespace name');
  return done(errors, () => ({ name }));
}

// --- bridge -----------------------------------------------------------------------------------

export interface BridgeFormValues {
  name: string;
  mtu: string;
  address: string;
}
export type BridgeField = keyof BridgeFormValues;

export function checkBridgeForm(values: BridgeFormValues): Check<MethodInput<'links.createBridge'>, BridgeField> {
  const errors: Partial<Record<BridgeField, string>> = {};
  const name = values.name.trim();
  const address = values.address.trim();
  const nameProblem = linkNameProblem(name, 'a bridge name');
  if (nameProblem) errors.name = nameProblem;
  const mtu = mtuOf(values.mtu, errors);
  const addressProblem = cidrProblem(address);
  if (addressProblem) errors.address = addressProblem;
  return done(errors, () => ({ name, ...(mtu !== undefined ? { mtu } : {}), ...(address ? { address } : {}) }));
}

// --- veth pair --------------------------------------------------------------------------------

export interface VethFormValues {
  name: string;
  peer: string;
  master: string | null;
  mtu: string;
}
export type VethField = keyof VethFormValues;

export function checkVethForm(values: VethFormValues): Check<MethodInput<'links.createVeth'>, VethField> {
  const errors: Partial<Record<VethField, string>> = {};
  const name = values.name.trim();
  const peer = values.peer.trim();
  const nameProblem = linkNameProblem(name);
  if (nameProblem) errors.name = nameProblem;
  const peerProblem = linkNameProblem(peer, "the peer's name");
  if (peerProblem) errors.peer = peerProblem;
  else if (!nameProblem && peer === name) errors.peer = 'The two ends need different names';
  const mtu = mtuOf(values.mtu, errors);
  return done(errors, () => ({ name, peer, ...(values.master ? { master: values.master } : {}), ...(mtu !== undefined ? { mtu } : {}) }));
}

// --- move into a namespace or a container -----------------------------------------------------

export type MoveTargetKind = 'namespace' | 'container';

export interface MoveFormValues {
  link: string | null;
  targetKind: MoveTargetKind;
  target: string | null;
  /** Name inside (eth1 …); kept when empty. */
  rename: string;
  address: string;
  gateway: string;
  mtu: string;
}
export type MoveField = keyof MoveFormValues;

export function emptyMoveForm(link: string | null = null): MoveFormValues {
  return { link, targetKind: 'container', target: null, rename: '', address: '', gateway: '', mtu: '' };
}

export function checkMoveForm(values: MoveFormValues): Check<MethodInput<'links.move'>, MoveField> {
  const errors: Partial<Record<MoveField, string>> = {};
  if (!values.link) errors.link = 'Pick the interface to move';
  if (!values.target) errors.target = values.targetKind === 'namespace' ? 'Pick a namespace' : 'Pick a running container';
  const rename = values.rename.trim();
  const address = values.address.trim();
  const gateway = values.gateway.trim();
  if (rename) {
    const problem = linkNameProblem(rename, 'the name inside');
    if (problem) errors.rename = problem;
  }
  const addressProblem = cidrProblem(address);
  if (addressProblem) errors.address = addressProblem;
  if (gateway && !isIpv4(gateway)) errors.gateway = `“${gateway}” is not an IPv4 address: write one like 10.88.0.1`;
  else if (gateway && !address) errors.gateway = 'A gateway needs an address on the interface to reach it';
  const mtu = mtuOf(values.mtu, errors);
  return done(errors, () => ({
    link: values.link!,
    to: values.targetKind === 'namespace' ? { namespace: values.target! } : { container: values.target! },
    ...(rename ? { rename } : {}),
    ...(address ? { address } : {}),
    ...(gateway ? { gateway } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
  }));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The namespace, bridge, veth and move forms: their values, what is obviously wrong with them
// (said per field), and the contract inputs they make. Whether a name is taken, a container
// running or an address free is the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { netnsNameSchema } from '../../../../shared/atoms/names';
import { isIpv4, isIpv4Cidr } from '../../format/address-text';
import { linkNameProblem, mtuOrProblem, refusedNameProblem } from '../networks/field-problems';
import type { Say } from '../../i18n/say';

type Check<I, F extends string> = { input: I; errors?: undefined } | { input?: undefined; errors: Partial<Record<F, string>> };

const done = <I, F extends string>(errors: Partial<Record<F, string>>, input: () => I): Check<I, F> =>
  Object.keys(errors).length > 0 ? { errors } : { input: input() };

function cidrProblem(text: string, say: Say): string | null {
  if (!text) return null;
  return isIpv4Cidr(text) ? null : say('problem.cidr', { text });
}

function mtuOf(text: string, errors: { mtu?: string }, say: Say): number | undefined {
  const mtu = mtuOrProblem(text, say);
  if (typeof mtu === 'string') errors.mtu = mtu;
  return typeof mtu === 'number' ? mtu : undefined;
}

// --- namespace --------------------------------------------------------------------------------

export function checkNetnsForm(values: { name: string }, say: Say): Check<MethodInput<'netns.create'>, 'name'> {
  const name = values.name.trim();
  const parsed = netnsNameSchema.safeParse(name);
  const errors: Partial<Record<'name', string>> = {};
  if (!parsed.success) errors.name = refusedNameProblem(parsed.error.issues[0], 'netns', say);
  return done(errors, () => ({ name }));
}

// --- bridge -----------------------------------------------------------------------------------

export interface BridgeFormValues {
  name: string;
  mtu: string;
  address: string;
}
export type BridgeField = keyof BridgeFormValues;

export function checkBridgeForm(values: BridgeFormValues, say: Say): Check<MethodInput<'links.createBridge'>, BridgeField> {
  const errors: Partial<Record<BridgeField, string>> = {};
  const name = values.name.trim();
  const address = values.address.trim();
  const nameProblem = linkNameProblem(name, 'bridge', say);
  if (nameProblem) errors.name = nameProblem;
  const mtu = mtuOf(values.mtu, errors, say);
  const addressProblem = cidrProblem(address, say);
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

export function checkVethForm(values: VethFormValues, say: Say): Check<MethodInput<'links.createVeth'>, VethField> {
  const errors: Partial<Record<VethField, string>> = {};
  const name = values.name.trim();
  const peer = values.peer.trim();
  const nameProblem = linkNameProblem(name, 'interface', say);
  if (nameProblem) errors.name = nameProblem;
  const peerProblem = linkNameProblem(peer, 'peer', say);
  if (peerProblem) errors.peer = peerProblem;
  else if (!nameProblem && peer === name) errors.peer = say('problem.samePeer');
  const mtu = mtuOf(values.mtu, errors, say);
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

export function checkMoveForm(values: MoveFormValues, say: Say): Check<MethodInput<'links.move'>, MoveField> {
  const errors: Partial<Record<MoveField, string>> = {};
  if (!values.link) errors.link = say('problem.pickInterface');
  if (!values.target) errors.target = say(values.targetKind === 'namespace' ? 'problem.pickNamespace' : 'problem.pickContainer');
  const rename = values.rename.trim();
  const address = values.address.trim();
  const gateway = values.gateway.trim();
  if (rename) {
    const problem = linkNameProblem(rename, 'inside', say);
    if (problem) errors.rename = problem;
  }
  const addressProblem = cidrProblem(address, say);
  if (addressProblem) errors.address = addressProblem;
  if (gateway && !isIpv4(gateway)) errors.gateway = say('problem.gatewayIpv4', { text: gateway });
  else if (gateway && !address) errors.gateway = say('problem.gatewayNeedsAddress');
  const mtu = mtuOf(values.mtu, errors, say);
  return done(errors, () => ({
    link: values.link!,
    to: values.targetKind === 'namespace' ? { namespace: values.target! } : { container: values.target! },
    ...(rename ? { rename } : {}),
    ...(address ? { address } : {}),
    ...(gateway ? { gateway } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
  }));
}

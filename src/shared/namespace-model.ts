// Namespaces and links a user wires by hand (pipework-style): what can be asked, and what
// Bridgeport made (only those can be deleted through it).
import { z } from 'zod';

/** Linux interface names: at most 15 characters of a safe alphabet. */
export const linkNameSchema = z
  .string()
  .min(1, 'give an interface name')
  .max(15, 'an interface name is at most 15 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'an interface name has only letters, digits, _ . and -');

/** `ip netns` names: a safe alphabet, no '/'. */
export const netnsNameSchema = z
  .string()
  .min(1, 'give a namespace name')
  .max(64, 'a namespace name is at most 64 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a namespace name has only letters, digits, _ . and -');

const mtuSchema = z.number().int().min(68, 'MTU is at least 68').max(65535, 'MTU is at most 65535');
const cidrText = z.string().max(64);

const containerRefSchema = z
  .string()
  .min(1, 'give a container name or id')
  .max(128, 'a container name or id is at most 128 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a container name or id has only letters, digits, _ . and -');

/** Where a link lives or goes: the host namespace (omitted), a named namespace, or a running container. */
export const linkPlaceSchema = z.union([z.object({ namespace: netnsNameSchema }).strict(), z.object({ container: containerRefSchema }).strict()]);

export const netnsCreateSchema = z.object({ name: netnsNameSchema }).strict();
export const netnsDeleteSchema = z.object({ name: netnsNameSchema }).strict();
export const bridgeCreateSchema = z.object({ name: linkNameSchema, mtu: mtuSchema.optional(), address: cidrText.optional() }).strict();
export const vethCreateSchema = z.object({ name: linkNameSchema, peer: linkNameSchema, mtu: mtuSchema.optional(), master: linkNameSchema.optional() }).strict();
export const linkMoveSchema = z
  .object({
    link: linkNameSchema,
    to: linkPlaceSchema,
    /** Name inside the target (eth1 …); kept when left out. */
    rename: linkNameSchema.optional(),
    address: cidrText.optional(),
    gateway: z.string().max(64).optional(),
    mtu: mtuSchema.optional(),
  })
  .strict();
export const linkStateSchema = z.object({ link: linkNameSchema, in: linkPlaceSchema.optional(), up: z.boolean() }).strict();
export const linkDeleteSchema = z.object({ link: linkNameSchema, in: linkPlaceSchema.optional() }).strict();

export const madeThingSchema = z.object({
  kind: z.enum(['netns', 'bridge', 'veth']),
  name: z.string(),
  /** veth: its peer's name. */
  peer: z.string().nullable(),
  createdAt: z.string(),
  /** Where a bridge or the veth end `name` is: 'host', 'netns NAME' or 'container NAME'. */
  place: z.string().optional(),
  /** veth: where its peer is. */
  peerPlace: z.string().optional(),
});
export type MadeThing = z.infer<typeof madeThingSchema>;

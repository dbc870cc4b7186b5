// Namespaces and links a user wires by hand (pipework-style): what can be asked, and what
// Bridgeport made (only those can be deleted through it).
import { z } from 'zod';
import { containerNameSchema, interfaceNameSchema, netnsNameSchema } from './atoms/names';

const mtuSchema = z.number().int().min(68, 'MTU is at least 68').max(65535, 'MTU is at most 65535');
const cidrText = z.string().max(64);

/** Where a link lives or goes: the host namespace (omitted), a named namespace, or a running container. */
export const linkPlaceSchema = z.union([z.object({ namespace: netnsNameSchema }).strict(), z.object({ container: containerNameSchema }).strict()]);

export const netnsCreateSchema = z.object({ name: netnsNameSchema }).strict();
export const netnsDeleteSchema = z.object({ name: netnsNameSchema }).strict();
export const bridgeCreateSchema = z.object({ name: interfaceNameSchema, mtu: mtuSchema.optional(), address: cidrText.optional() }).strict();
export const vethCreateSchema = z.object({ name: interfaceNameSchema, peer: interfaceNameSchema, mtu: mtuSchema.optional(), master: interfaceNameSchema.optional() }).strict();
export const linkMoveSchema = z
  .object({
    link: interfaceNameSchema,
    to: linkPlaceSchema,
    /** Name inside the target (eth1 …); kept when left out. */
    rename: interfaceNameSchema.optional(),
    address: cidrText.optional(),
    gateway: z.string().max(64).optional(),
    mtu: mtuSchema.optional(),
  })
  .strict();
export const linkStateSchema = z.object({ link: interfaceNameSchema, in: linkPlaceSchema.optional(), up: z.boolean() }).strict();
export const linkDeleteSchema = z.object({ link: interfaceNameSchema, in: linkPlaceSchema.optional() }).strict();

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

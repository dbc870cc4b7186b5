// The privileged operations on namespaces and links: argument schemas and results. Everything is
// checked here, because this crosses from the user's session into root: names of a safe alphabet
// (interface names at most 15 characters), addresses parsed, MTU in bounds, a container only as a
// whole-number pid the engine resolved.
import { z } from 'zod';
import { interfaceNameSchema, netnsNameSchema } from '../../../shared/atoms/names';
import { pidSchema } from '../../../shared/atoms/pids';
import { LinkValueError, parseGateway, parseInterfaceAddress } from '../../netcore/addresses/link-addresses';

const mtu = z.number().int().min(68, 'MTU is at least 68').max(65535, 'MTU is at most 65535');

export const addressArgSchema = z
  .string()
  .max(64)
  .superRefine((value, ctx) => {
    try {
      parseInterfaceAddress(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof LinkValueError ? error.message : 'not an address' });
    }
  });

/** A namespace other than the executor's own: a named one (`ip netns`) or a process's (a container). */
export const placeArgSchema = z.union([z.object({ netns: netnsNameSchema }).strict(), z.object({ pid: pidSchema }).strict()]);
export type PlaceArg = z.infer<typeof placeArgSchema>;

export const linkOperations = {
  /** `ip netns add`, lo up and tagged. */
  'netns.add': z.object({ name: netnsNameSchema }).strict(),
  /** `ip netns del` of a namespace Bridgeport made (its lo is tagged). */
  'netns.delete': z.object({ name: netnsNameSchema }).strict(),
  /** A bridge in this namespace, tagged and up, with an optional address. */
  'link.addBridge': z.object({ name: interfaceNameSchema, mtu: mtu.optional(), address: addressArgSchema.optional() }).strict(),
  /** A veth pair in this namespace, both ends tagged and up, one end optionally on a bridge. */
  'link.addVeth': z
    .object({ name: interfaceNameSchema, peer: interfaceNameSchema, mtu: mtu.optional(), master: interfaceNameSchema.optional() })
    .strict()
    .refine((a) => a.name !== a.peer, 'the two ends of a veth pair need different names'),
  /** Moves a tagged veth end into another namespace, pipework-style: name, MTU, address, up, default route. */
  'link.move': z
    .object({
      link: interfaceNameSchema,
      to: placeArgSchema,
      rename: interfaceNameSchema.optional(),
      address: addressArgSchema.optional(),
      gateway: z.string().max(64).optional(),
      mtu: mtu.optional(),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.gateway === undefined) return;
      if (a.address === undefined) {
        ctx.addIssue({ code: 'custom', path: ['gateway'], message: 'a gateway needs an address on the link' });
        return;
      }
      try {
        parseGateway(a.gateway, parseInterfaceAddress(a.address));
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['gateway'], message: error instanceof LinkValueError ? error.message : 'not a gateway' });
      }
    }),
  /** Sets a tagged link up or down, here or in another namespace. */
  'link.setUp': z.object({ link: interfaceNameSchema, in: placeArgSchema.optional(), up: z.boolean() }).strict(),
  /** Deletes a tagged bridge or veth (a veth takes its peer with it), here or in another namespace. */
  'link.delete': z.object({ link: interfaceNameSchema, in: placeArgSchema.optional() }).strict(),
} as const;

export interface LinkOperationResults {
  /** id: the namespace's identity (device:inode of its nsfs file), to tell it from a later one of the same name. */
  'netns.add': { name: string; id: string };
  /** existed: false when it was already gone (nothing ran). */
  'netns.delete': { name: string; existed: boolean };
  'link.addBridge': { name: string };
  'link.addVeth': { name: string; peer: string };
  'link.move': { link: string; to: PlaceArg };
  'link.setUp': { link: string; up: boolean; operstate: string };
  'link.delete': { link: string; existed: boolean };
}

// Names Bridgeport hands to commands, engines and the kernel: one safe alphabet everywhere, and the
// schemas of the names that have their own length limits. Pure; no Node, no DOM.
import { z } from 'zod';

/**
 * Docker's own rule for names, and Bridgeport's for every name it passes on: a letter or digit, then
 * letters, digits, _ . and -. Nothing a shell, a path or an option parser would read.
 */
export const SAFE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** The same alphabet with any first character (Docker's driver option keys: `-o key=value`). */
export const SAFE_KEY = /^[a-zA-Z0-9_.-]+$/;

/** Linux's limit for an interface name (IFNAMSIZ - 1). */
export const INTERFACE_NAME_MAX = 15;

/**
 * A name of the safe alphabet, at most `max` characters. `what` names it in every message
 * ("an interface name is at most 15 characters"); `empty` is said when it is left empty.
 */
export function safeNameSchema(what: string, max: number, empty = `give ${what}`) {
  return z
    .string()
    .min(1, empty)
    .max(max, `${what} is at most ${max} characters`)
    .regex(SAFE_NAME, `${what} has only letters, digits, _ . and -`);
}

/** Linux interface names (links, bridges, veth ends): at most 15 characters of the safe alphabet. */
export const interfaceNameSchema = safeNameSchema('an interface name', INTERFACE_NAME_MAX);

/** `ip netns` names: the safe alphabet (so no '/'), at most 64 characters. */
export const netnsNameSchema = safeNameSchema('a namespace name', 64);

/** A container as a user names it: its name or (a prefix of) its id, by Docker's rule for names. */
export const containerNameSchema = safeNameSchema('a container name or id', 128, 'name a container');

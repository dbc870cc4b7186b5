// What the link command plans are given: already validated by the operation contract's schemas
// (which produce exactly these shapes). Kept here so the pure core needs nothing from above it.

/** The ifalias every link (and the lo of every namespace) Bridgeport made carries. */
export const MADE_TAG = 'bridgeport:made';

/**
 * A namespace other than the executor's own: a named one (`ip netns`), a process's (a container), or
 * one the runner pinned by descriptor (`nsPath`: /proc/<runner>/fd/<n>; what the runner executes with).
 */
export type LinkPlace = { netns: string } | { pid: number } | { nsPath: string };

export interface NetnsArgs {
  name: string;
}
export interface BridgeArgs {
  name: string;
  mtu?: number | undefined;
  address?: string | undefined;
}
export interface VethArgs {
  name: string;
  peer: string;
  mtu?: number | undefined;
  master?: string | undefined;
}
export interface MoveArgs {
  link: string;
  to: LinkPlace;
  rename?: string | undefined;
  address?: string | undefined;
  gateway?: string | undefined;
  mtu?: number | undefined;
}
export interface SetUpArgs {
  link: string;
  in?: LinkPlace | undefined;
  up: boolean;
}
export interface LinkDeleteArgs {
  link: string;
  in?: LinkPlace | undefined;
}

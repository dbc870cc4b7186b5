// Tells Docker from Podman by what the socket answers (Podman also speaks Docker's API, and many
// users point DOCKER_HOST at it), whether it runs rootless, and who it is. Pure: API JSON in.
import { z } from 'zod';
import type { EngineKind } from '../../../shared/model';

const versionSchema = z.looseObject({
  Version: z.string().default(''),
  ApiVersion: z.string().default(''),
  Platform: z.looseObject({ Name: z.string().default('') }).nullable().optional(),
  Components: z.array(z.looseObject({ Name: z.string().default('') })).nullable().optional(),
});

const infoSchema = z.looseObject({
  ID: z.string().default(''),
  SecurityOptions: z.array(z.string()).nullable().default([]),
});

const libpodInfoSchema = z.looseObject({
  host: z.looseObject({ security: z.looseObject({ rootless: z.boolean().default(false) }).optional() }).optional(),
  store: z.looseObject({ graphRoot: z.string().default('') }).optional(),
});

export interface EngineVersion {
  kind: EngineKind;
  version: string;
  apiVersion: string;
}

/** Podman names itself in /version: a component "Podman Engine", a platform "Podman Engine". */
export function engineVersionOf(json: unknown): EngineVersion {
  const v = versionSchema.parse(json);
  const names = [v.Platform?.Name ?? '', ...(v.Components ?? []).map((c) => c.Name)];
  const kind: EngineKind = names.some((n) => /podman/i.test(n)) ? 'podman' : 'docker';
  return { kind, version: v.Version, apiVersion: v.ApiVersion };
}

export interface EngineFacts {
  rootless: boolean;
  /** Stable for one engine, different between two (the same engine reached twice has one). */
  id: string;
}

/**
 * Docker: /info ID, rootless when SecurityOptions holds name=rootless. Podman: its libpod /info
 * says rootless outright, and its storage root is its identity (Podman 5's compat /info ID is a new
 * random UUID on every request); the compat ID only when libpod did not answer.
 */
export function engineFactsOf(kind: EngineKind, info: unknown, libpodInfo: unknown | null): EngineFacts {
  const i = infoSchema.parse(info ?? {});
  const dockerRootless = (i.SecurityOptions ?? []).some((o) => o.split(',').includes('name=rootless'));
  if (kind === 'docker') return { rootless: dockerRootless, id: i.ID };
  const l = libpodInfoSchema.safeParse(libpodInfo ?? {});
  const rootless = (l.success ? l.data.host?.security?.rootless : undefined) ?? dockerRootless;
  const graphRoot = l.success ? (l.data.store?.graphRoot ?? '') : '';
  return { rootless, id: graphRoot ? `storage:${graphRoot}` : i.ID };
}

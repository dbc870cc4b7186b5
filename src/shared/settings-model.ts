// The window's settings (issue 18): language, colour scheme and when the topology folds a network,
// kept in Bridgeport's config folder so the app and `serve` (on any port) remember them alike.
import { z } from 'zod';
import { AUTO_FOLD_AT } from './topology/group-graph';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const GROUP_THRESHOLD_MIN = 2;
export const GROUP_THRESHOLD_MAX = 10_000;

const languageSchema = z.enum(['auto', ...LANGUAGES]);
const colorSchemeSchema = z.enum(['auto', 'light', 'dark']);
const groupThresholdSchema = z.number().int().min(GROUP_THRESHOLD_MIN).max(GROUP_THRESHOLD_MAX);

export const settingsSchema = z.object({
  /** auto: the system's (Electron's locale; the browser's under serve). */
  language: languageSchema.default('auto'),
  /** auto: the system's (prefers-color-scheme). */
  colorScheme: colorSchemeSchema.default('auto'),
  /** In the topology's "crowded networks" mode, a network with more containers than this is folded. */
  groupThreshold: groupThresholdSchema.default(AUTO_FOLD_AT),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Only what is given changes (no defaults here: they would overwrite the rest). */
export const settingsChangeSchema = z
  .object({ language: languageSchema.optional(), colorScheme: colorSchemeSchema.optional(), groupThreshold: groupThresholdSchema.optional() })
  .strict();

/** Where Bridgeport keeps what it remembers, for the Settings panel. */
export const settingsReportSchema = z.object({
  settings: settingsSchema,
  files: z.object({
    /** The folder (BRIDGEPORT_CONFIG_DIR, else the desktop user's ~/.config/bridgeport). */
    configDir: z.string(),
    /** The files in it and what each holds. */
    entries: z.array(z.object({ name: z.string(), holds: z.string() })),
  }),
});
export type SettingsReport = z.infer<typeof settingsReportSchema>;

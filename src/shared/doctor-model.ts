// The doctor: checks for "my container can't reach the internet", each with a verdict, what it
// looked at, and a one-click fix where a fix is safe.
import { z } from 'zod';
import { messageSchema } from './message';

export const doctorCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The title as a catalogue key (`engine-doctor:title.<id>`), for the window's language. */
  titleMessage: messageSchema.optional(),
  status: z.enum(['ok', 'warn', 'fail']),
  detail: z.string(),
  /** The detail as a message of the catalogue `engine-doctor` (its English is `detail`). */
  detailMessage: messageSchema.optional(),
  /** What the check read: sysctls, rules, files, routes … in plain words. */
  lookedAt: z.array(z.string()),
  /** The same, as messages (one per entry of `lookedAt`, in the same order). */
  lookedAtMessages: z.array(messageSchema).optional(),
  /** Present when Bridgeport can fix it safely (through the privileged side). */
  fix: z.object({ id: z.string(), label: z.string(), labelMessage: messageSchema.optional() }).optional(),
});
export type DoctorCheck = z.infer<typeof doctorCheckSchema>;

export const doctorReportSchema = z.object({ checks: z.array(doctorCheckSchema) });
export type DoctorReport = z.infer<typeof doctorReportSchema>;

export const doctorFixSchema = z.object({ id: z.string().min(1).max(64).regex(/^[a-z0-9.-]+$/, 'not a fix id') }).strict();

// Process ids as the privileged side accepts them. Pure; no Node, no DOM.
import { z } from 'zod';

/** 1 is init, never a container's or the app's; 0 is no process. */
export const PID_MIN = 2;
/** The largest pid_max Linux allows (2^22). */
export const PID_MAX = 4_194_304;

export const pidSchema = z.number().int().min(PID_MIN).max(PID_MAX);

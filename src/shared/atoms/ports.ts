// TCP/UDP port numbers and ranges as the contract takes them. Pure; no Node, no DOM.
import { z } from 'zod';

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

export const portSchema = z
  .number({ error: 'a port is a number' })
  .int('a port is a whole number')
  .min(PORT_MIN, `ports start at ${PORT_MIN}`)
  .max(PORT_MAX, `ports end at ${PORT_MAX}`);

/** Port ranges map one to one: 8000-8002:80-82. A range is at most this long. */
export const MAX_RANGE = 1024;

// How much a cable's traffic shows: its thickness and its label. Pure.
import { formatRate } from '../../../../shared/units';

/** 2 px idle, about 5 px at 10 KiB/s, 8 px from 10 MiB/s up: the eye compares orders of magnitude. */
export function cableWidth(bytesPerSecond: number): number {
  if (bytesPerSecond <= 0) return 2;
  return Math.min(8, 2 + Math.log10(1 + bytesPerSecond) * 0.85);
}

/** "↓ 1.2 MiB/s ↑ 3.0 KiB/s" (into, out of the container), or null when the cable is idle. */
export function cableLabel(rx: number, tx: number): string | null {
  if (rx <= 0 && tx <= 0) return null;
  return `↓ ${formatRate(rx)} ↑ ${formatRate(tx)}`;
}

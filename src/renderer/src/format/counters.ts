// Counters as people read them: packets with thousands separators, bytes in binary units.
const grouped = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return grouped.format(count);
}

export const formatPackets = formatCount;

/** Bytes in binary units: shared with the CLI. */
export { formatBytes } from '../../../shared/units';

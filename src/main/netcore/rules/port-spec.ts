// Port specs as rules write them (--dport, nft sets, to-destination ports). Pure.

/** '80', '9000:9002', ':1024', '1024:' or a multiport list '80,443,8000:8010'; null when not numeric. */
export function portInSpec(spec: string, port: number): boolean | null {
  let fits = false;
  for (const part of spec.split(',')) {
    const [low, high] = part.includes(':') ? part.split(':') : [part, part];
    const from = low === '' ? 0 : Number(low);
    const to = high === '' ? 65535 : Number(high);
    if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
    if (port >= from && port <= to) fits = true;
  }
  return fits;
}

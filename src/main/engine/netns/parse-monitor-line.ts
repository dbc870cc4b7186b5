// `ip monitor all-nsid` prefixes events from other namespaces with "[nsid N]". Pure.
export function nsidOfMonitorLine(line: string): number | null {
  const match = /^\[nsid (\d+)\]/.exec(line);
  return match?.[1] ? Number(match[1]) : null;
}

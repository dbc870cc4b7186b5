// Which process a recorded container runs as, from what every engine said of its id (Docker and
// Podman side by side: the container is on one of them). Pure.

/** One engine's answer about one container id. */
export type PidAnswer = { pid: number | null } | 'absent' | 'unreadable';

/**
 * The pid when an engine knows the container (null when stopped); null when every engine answered
 * and none has it (removed); undefined when an engine that could have it did not answer (cannot say).
 */
export function pidFromEngines(answers: readonly PidAnswer[]): number | null | undefined {
  const known = answers.find((a): a is { pid: number | null } => typeof a === 'object');
  if (known) return known.pid;
  return answers.length > 0 && answers.every((a) => a === 'absent') ? null : undefined;
}

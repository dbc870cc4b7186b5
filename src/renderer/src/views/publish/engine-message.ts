// The engine's sentence out of a failed call, whichever face carried it: Electron's IPC wraps it
// ("Error invoking remote method '…': PublishRefused: …"), the WebSocket passes it as is. Pure.
export function engineMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const sentence = text
    .replace(/^Error invoking remote method '[^']*': /, '')
    .replace(/^(?:Error|[A-Z][A-Za-z]*(?:Error|Refused)): /, '')
    .trim();
  if (!sentence) return 'The engine gave no reason';
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

// The probe: one connection attempt (TCP) or one empty datagram (UDP) from a chosen source port,
// sent by a short-lived Node process, in the host's namespace or — through nsenter on a pinned
// descriptor — in a container's. Nothing else is sent: no payload, no retries by us.
import { spawn } from 'node:child_process';
import { commandEnv } from '../../../system/command-env';
import { PROBE_PRINTED_NOTHING, type ProbeOutcome } from '../../contract/trace-operations';

// Kept as one expression: it runs with `node -e`, arguments in process.argv[1…].
const PROBE_SOURCE = `
const [protocol, host, port, sourcePort, ms] = process.argv.slice(1);
const say = (outcome, detail) => { process.stdout.write(JSON.stringify({ outcome, detail: detail ?? null })); process.exit(0); };
if (protocol === 'tcp') {
  const socket = require('node:net').connect({ host, port: Number(port), localPort: Number(sourcePort) });
  setTimeout(() => { socket.destroy(); say('timeout'); }, Number(ms));
  socket.on('connect', () => { socket.destroy(); say('connected'); });
  socket.on('error', (e) => say(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ETIMEDOUT' ? 'timeout' : 'error', e.code ?? e.message));
} else {
  const socket = require('node:dgram').createSocket('udp4');
  socket.on('error', (e) => say('error', e.code ?? e.message));
  socket.bind(Number(sourcePort), () => socket.send(Buffer.alloc(0), Number(port), host, (e) => say(e ? 'error' : 'sent', e ? (e.code ?? e.message) : null)));
}
`;

export interface ProbeRequest {
  protocol: 'tcp' | 'udp';
  destination: string;
  port: number;
  sourcePort: number;
  timeoutMs: number;
  /** A pinned namespace path (/proc/<self>/fd/<n>) to send from; null: this namespace. */
  namespacePath: string | null;
}

export interface ProbeResult {
  outcome: ProbeOutcome;
  detail: string | null;
}

/** Outside the kernel's default ephemeral range (32768–60999), so no socket of the system holds it. */
export function probeSourcePort(random = Math.random): number {
  return 61_000 + Math.floor(random() * 4_500);
}

export function sendProbe(request: ProbeRequest): Promise<ProbeResult> {
  const node = [process.execPath, '-e', PROBE_SOURCE, request.protocol, request.destination, String(request.port), String(request.sourcePort), String(request.timeoutMs)];
  const argv = request.namespacePath === null ? node : ['nsenter', `--net=${request.namespacePath}`, '--', ...node];
  return new Promise((resolve) => {
    // The helper may be Electron's binary: it runs scripts as Node with this variable.
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...commandEnv(), ELECTRON_RUN_AS_NODE: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-500)));
    const guard = setTimeout(() => child.kill('SIGKILL'), request.timeoutMs + 5_000);
    child.on('error', (e) => {
      clearTimeout(guard);
      resolve({ outcome: 'error', detail: e.message });
    });
    child.on('close', () => {
      clearTimeout(guard);
      try {
        const parsed = JSON.parse(out) as ProbeResult;
        resolve({ outcome: parsed.outcome, detail: parsed.detail });
      } catch {
        resolve({ outcome: 'error', detail: err.trim() || PROBE_PRINTED_NOTHING });
      }
    });
  });
}

// Runs in the LAN client's namespace for the publish benchmark: for each "HOST PORT" line on stdin it
// connects again and again (every 2 ms) until a connection is accepted, then prints "ok".
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

function tryOnce(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: 300 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  const [host, port] = line.trim().split(' ');
  const deadline = Date.now() + 10_000;
  let ok = false;
  while (!ok && Date.now() < deadline) {
    ok = await tryOnce(host, port);
    if (!ok) await new Promise((r) => setTimeout(r, 2));
  }
  process.stdout.write(ok ? 'ok\n' : 'timeout\n');
}

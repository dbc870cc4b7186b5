// A UDP echo server and client for lab tests (busybox nc here has no -u). Runs under nsenter in a
// container's or the LAN's namespace with the host's node binary:
//   node udp-echo.mjs serve PORT              answers "echo:<msg>" to every datagram
//   node udp-echo.mjs ask HOST PORT MSG [SRCPORT]   prints the answer, exits 1 after 2 s without one
import { createSocket } from 'node:dgram';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'serve') {
  const server = createSocket('udp4');
  server.on('message', (msg, from) => server.send(`echo:${msg}`, from.port, from.address));
  server.bind(Number(args[0]), '0.0.0.0', () => process.stdout.write('ready\n'));
} else if (mode === 'ask') {
  const [host, port, message, sourcePort] = args;
  const client = createSocket('udp4');
  const timer = setTimeout(() => process.exit(1), 2000);
  client.on('message', (msg) => {
    clearTimeout(timer);
    process.stdout.write(`${msg}\n`);
    client.close();
  });
  client.bind(Number(sourcePort ?? 0), () => client.send(message ?? 'ping', Number(port), host));
} else {
  process.stderr.write('usage: udp-echo.mjs serve PORT | ask HOST PORT MSG [SRCPORT]\n');
  process.exit(2);
}

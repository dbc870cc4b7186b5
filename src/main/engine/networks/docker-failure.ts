// Turns a dockerode error into one line a user can act on: what Docker said, or why it could not be
// reached. Pure apart from naming the endpoint.
import { dockerEndpoint } from '../docker/docker-client';
import { NetworkRefused } from '../../../shared/network-refused';

interface DockerodeError {
  statusCode?: number;
  code?: string;
  message?: string;
  json?: { message?: string } | null;
}

export function dockerFailure(error: unknown): Error {
  if (error instanceof NetworkRefused) return error;
  const e = (error ?? {}) as DockerodeError;
  if (typeof e.statusCode === 'number') {
    const said = e.json?.message ?? (e.message ?? '').replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
    return new NetworkRefused('docker', `Docker refused: ${said.trim().split('\n')[0]}`);
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || e.code === 'EACCES') {
    const why = e.code === 'EACCES' ? 'permission denied (is your user in the docker group?)' : 'the daemon is not running';
    return new Error(`Docker is not reachable at ${dockerEndpoint()}: ${why}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

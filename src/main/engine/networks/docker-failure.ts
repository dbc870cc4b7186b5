// Turns a dockerode error into one line a user can act on: what Docker said, or why it could not be
// reached. Pure apart from naming the endpoint.
import { dockerEndpoint } from '../docker/docker-client';
import { BridgeportError } from '../../../shared/errors';
import { inEnglish } from '../../../shared/i18n/english';
import { message } from '../../../shared/message';
import { NetworkRefused, networkRefusal } from '../../../shared/network-refused';

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
    return networkRefusal('docker', 'dockerRefused', { said: said.trim().split('\n')[0]! });
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || e.code === 'EACCES') {
    const why = message(e.code === 'EACCES' ? 'engine-errors:network.dockerUnreachable.permission' : 'engine-errors:network.dockerUnreachable.notRunning');
    const said = message('engine-errors:network.dockerUnreachable.sentence', { endpoint: dockerEndpoint(), why });
    return new BridgeportError('failed', inEnglish(said), said);
  }
  return error instanceof Error ? error : new Error(String(error));
}

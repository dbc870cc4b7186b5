// Reads the routes of this namespace, every table (local addresses included). I/O only.
import { parseIpRoutes, type Route } from '../path/parse-ip-route';
import { runCommand } from '../../system/run-command';

export async function readRoutes(): Promise<Route[]> {
  return parseIpRoutes(await runCommand(['ip', '-j', 'route', 'show', 'table', 'all']));
}

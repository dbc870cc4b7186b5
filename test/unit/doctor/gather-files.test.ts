// The doctor reads Docker's drop-ins, daemon.json and resolv.conf from paths the environment can
// move (tests never touch /etc); missing files are facts, not errors.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorPaths } from '../../../src/main/engine/doctor/doctor-paths';
import { readDropIns, readFileFact } from '../../../src/main/engine/doctor/gather-facts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-doctor-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('where the doctor reads', () => {
  it('defaults to the system paths and follows the environment', () => {
    expect(doctorPaths({})).toEqual({
      dropInDir: '/etc/systemd/system/docker.service.d',
      daemonJson: '/etc/docker/daemon.json',
      resolvConf: '/etc/resolv.conf',
      resolvedUpstream: '/run/systemd/resolve/resolv.conf',
    });
    expect(doctorPaths({ BRIDGEPORT_DOCKER_DROPIN_DIR: '/x', BRIDGEPORT_RESOLV_CONF: '/y', BRIDGEPORT_DOCKER_DAEMON_JSON: '/z', BRIDGEPORT_RESOLVED_UPSTREAM: '/w' })).toEqual({
      dropInDir: '/x',
      daemonJson: '/z',
      resolvConf: '/y',
      resolvedUpstream: '/w',
    });
  });

  it('reads the *.conf drop-ins in name order, as systemd does', async () => {
    const d = join(dir, 'docker.service.d');
    await mkdir(d);
    await writeFile(join(d, '20-b.conf'), 'B');
    await writeFile(join(d, '10-a.conf'), 'A');
    await writeFile(join(d, 'notes.txt'), 'ignored');
    expect(await readDropIns(d)).toEqual({ dir: d, files: [{ path: join(d, '10-a.conf'), text: 'A' }, { path: join(d, '20-b.conf'), text: 'B' }], error: null });
  });

  it('takes a missing directory or file as absent, not as an error', async () => {
    expect(await readDropIns(join(dir, 'none'))).toEqual({ dir: join(dir, 'none'), files: [], error: null });
    expect(await readFileFact(join(dir, 'none.json'))).toEqual({ path: join(dir, 'none.json'), text: null, error: null });
  });
});

// Lets a group use the lab's Docker socket, as the docker group does on a desktop: the lab folder is
// root's and 0700, so the group is let through it and given the socket. Returns the undo.
import { execa } from 'execa';
import { chmodSync, chownSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function shareDockerSocket(group: string): Promise<() => void> {
  const labDir = process.env.BP_LAB_DIR!;
  const socket = join(labDir, 'docker.sock');
  const gid = Number((await execa('getent', ['group', group])).stdout.split(':')[2]);
  const before = { dirMode: statSync(labDir).mode & 0o7777, dirGid: statSync(labDir).gid, sockMode: statSync(socket).mode & 0o7777, sockGid: statSync(socket).gid };
  const undo = () => {
    chownSync(labDir, 0, before.dirGid);
    chmodSync(labDir, before.dirMode);
    if (existsSync(socket)) {
      chownSync(socket, 0, before.sockGid);
      chmodSync(socket, before.sockMode);
    }
  };
  chownSync(labDir, 0, gid);
  chmodSync(labDir, 0o710);
  chownSync(socket, 0, gid);
  chmodSync(socket, 0o660);
  return undo;
}

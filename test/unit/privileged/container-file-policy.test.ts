// The rules a container file and its directories must meet before root opens it. Pure: the facts
// stand in for what fstat says (the walk that gathers them is tested in test/lab/helper-files.test.ts).
import { describe, expect, it } from 'vitest';
import {
  directoryProblem,
  fileProblem,
  locateContainerFile,
  MAX_CONTAINER_FILE_BYTES,
  type DescriptorFacts,
} from '../../../src/main/privileged/container-files/container-file-policy';
import { OperationError } from '../../../src/main/privileged/contract/operations';

const ID = '54ca54a4f735ca48f543ec7691767c72a009a9f31778c989ba517c59e0e0f25e';
const FILE = `/var/lib/docker/containers/${ID}/resolv.conf`;

const dir = (mode: number, uid = 0): DescriptorFacts => ({ isFile: () => false, isDirectory: () => true, uid, mode: 0o040000 | mode, size: 4096, nlink: 2 });
const file = (over: Partial<DescriptorFacts> = {}): DescriptorFacts => ({ isFile: () => true, isDirectory: () => false, uid: 0, mode: 0o100644, size: 120, nlink: 1, ...over });

describe('locateContainerFile', () => {
  it('splits the data root, containers and the id from the file name', () => {
    expect(locateContainerFile(FILE)).toEqual({ dirs: ['var', 'lib', 'docker', 'containers', ID], name: 'resolv.conf', aboveDataRoot: 2 });
    expect(locateContainerFile(`/tmp/bridgeport-lab-bpab12c/docker/containers/${ID}/resolv.conf.hash`)).toEqual({
      dirs: ['tmp', 'bridgeport-lab-bpab12c', 'docker', 'containers', ID],
      name: 'resolv.conf.hash',
      aboveDataRoot: 2,
    });
  });

  it("splits Podman's runroot, overlay-containers, the id and userdata from the file name", () => {
    expect(locateContainerFile(`/run/containers/storage/overlay-containers/${ID}/userdata/resolv.conf`)).toEqual({
      dirs: ['run', 'containers', 'storage', 'overlay-containers', ID, 'userdata'],
      name: 'resolv.conf',
      aboveDataRoot: 2,
    });
  });

  it.each([
    `/run/containers/storage/overlay-containers/${ID}/userdata/resolv.conf.hash`,
    `/run/containers/storage/overlay-containers/${ID}/resolv.conf`,
    `/run/containers/storage/overlay-containers/${ID}/userdata/config.json`,
    `/run/containers/storage/overlay-containers/${ID}/userdata/../userdata/hosts`,
    `/containers/${ID}/hosts`,
    `/var/lib/docker/containers/${ID}/config.v2.json`,
    `/var/lib/../lib/docker/containers/${ID}/hosts`,
    `/var/lib/docker/./containers/${ID}/hosts`,
    `/var//lib/docker/containers/${ID}/hosts`,
    `var/lib/docker/containers/${ID}/hosts`,
    `/var/lib/docker/containers/${ID.toUpperCase()}/hosts`,
  ])('refuses %s', (path) => {
    expect(() => locateContainerFile(path)).toThrow(OperationError);
  });
});

describe('directoryProblem', () => {
  it('accepts root-owned directories nobody else can write', () => {
    expect(directoryProblem(dir(0o755), '/var', FILE, true)).toBeNull();
    expect(directoryProblem(dir(0o710), '/var/lib/docker', FILE, false)).toBeNull();
    expect(directoryProblem(dir(0o700), '/var/lib/docker/containers', FILE, false)).toBeNull();
  });

  it('accepts a root-owned sticky /tmp above the data root, never at or below it', () => {
    expect(directoryProblem(dir(0o1777), '/tmp', FILE, true)).toBeNull();
    expect(directoryProblem(dir(0o1777), '/tmp/docker', FILE, false)).toMatch(/has a parent directory writable by others \(\/tmp\/docker, mode 1777\); refused$/);
    expect(directoryProblem(dir(0o1777, 1000), '/tmp', FILE, true)).toMatch(/not owned by root \(\/tmp, uid 1000\)/);
  });

  it('refuses group- or other-writable directories, other owners and non-directories', () => {
    expect(directoryProblem(dir(0o775), '/var/lib', FILE, true)).toBe(`${FILE} has a parent directory writable by others (/var/lib, mode 775); refused`);
    expect(directoryProblem(dir(0o757), '/var/lib/docker/containers', FILE, false)).toMatch(/writable by others/);
    expect(directoryProblem(dir(0o755, 1000), '/var/lib/docker', FILE, false)).toBe(`${FILE} has a parent directory not owned by root (/var/lib/docker, uid 1000); refused`);
    expect(directoryProblem(file(), '/var/lib/docker', FILE, false)).toBe('/var/lib/docker is not a directory; refused');
  });
});

describe('fileProblem', () => {
  it('accepts a root-owned regular file of at most 64 KiB with one link', () => {
    expect(fileProblem(file(), FILE)).toBeNull();
    expect(fileProblem(file({ size: MAX_CONTAINER_FILE_BYTES }), FILE)).toBeNull();
  });

  it('refuses what is bigger, shared, someone else’s or not a file', () => {
    expect(fileProblem(file({ size: MAX_CONTAINER_FILE_BYTES + 1 }), FILE)).toBe(`${FILE} is larger than 64 KiB (65537 bytes); refused`);
    expect(fileProblem(file({ nlink: 2 }), FILE)).toBe(`${FILE} has 2 hard links; refused`);
    expect(fileProblem(file({ uid: 1000 }), FILE)).toBe(`${FILE} is not owned by root (uid 1000); refused`);
    expect(fileProblem(dir(0o755), FILE)).toBe(`${FILE} is not a regular file; refused`);
  });
});

// Which engine a network action goes to when Docker and Podman run side by side (captured readings:
// the Docker 20 lab's networks, the Podman 5 lab's compat network list).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NetworkRefused } from '../../../src/shared/network-refused';
import { createTarget, engineOwning, type EngineReadings } from '../../../src/main/engine/networks/network-owner';
import { parseMember, parseNetworkDetail } from '../../../src/main/engine/networks/parse-network-detail';
import { readings } from './fixture';

const podmanJson = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/podman5', name), 'utf8')) as unknown;

const docker: EngineReadings<string> = { engine: 'docker', kind: 'docker', readings: readings() };
const podmanMembers = [parseMember(podmanJson('compat-container-p2.json'))];
const podman: EngineReadings<string> = {
  engine: 'podman',
  kind: 'podman',
  readings: { members: podmanMembers, networks: (podmanJson('compat-networks.json') as unknown[]).map((n) => parseNetworkDetail(n, podmanMembers, [])) },
};

describe('engineOwning', () => {
  it("sends an action to the engine that has the network: Docker's network_name to Docker, Podman's appnet to Podman", () => {
    expect(podman.readings.networks.map((n) => n.name)).toContain('appnet');
    expect(engineOwning('network_name', [docker, podman]).engine).toBe('docker');
    expect(engineOwning('appnet', [docker, podman]).engine).toBe('podman');
    expect(engineOwning('appnet', [podman, docker]).engine).toBe('podman');
  });

  it('refuses a name both engines have (Docker\'s "bridge" and Podman\'s compat "bridge"), naming both ids; the id is unambiguous', () => {
    expect(() => engineOwning('bridge', [docker, podman])).toThrow(NetworkRefused);
    expect(() => engineOwning('bridge', [docker, podman])).toThrow(/on Docker \([0-9a-f]{12}\) and Podman \([0-9a-f]{12}\): give its id/);
    const podmanBridge = podman.readings.networks.find((n) => n.name === 'bridge')!;
    expect(engineOwning(podmanBridge.id, [docker, podman]).engine).toBe('podman');
  });

  it("leaves an unknown network to the first engine, whose planner says it is not there", () => {
    expect(engineOwning('nosuchnet', [docker, podman]).engine).toBe('docker');
  });
});

describe('createTarget', () => {
  it('creates on Docker when it answers, on Podman when only Podman does', () => {
    expect(createTarget([podman, docker]).engine).toBe('docker');
    expect(createTarget([podman]).engine).toBe('podman');
  });
});

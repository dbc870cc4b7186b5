import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../src/shared/i18n/english';
import { explainDockerFailure } from '../../../src/main/engine/docker/docker-status';

const endpoint = 'unix:///var/run/docker.sock';

describe('explainDockerFailure', () => {
  it('permission denied points at the docker group', () => {
    const s = explainDockerFailure(endpoint, { code: 'EACCES', message: 'connect EACCES', dockerInstalled: true });
    expect(s).toMatchObject({ available: false, problem: 'permission-denied', error: 'connect EACCES' });
    expect(s.hint).toMatch(/docker group/);
  });

  it('no socket and no binary means not installed', () => {
    const s = explainDockerFailure(endpoint, { code: 'ENOENT', message: 'connect ENOENT', dockerInstalled: false });
    expect(s.problem).toBe('not-installed');
    expect(s.hint).toMatch(/install/i);
  });

  it('no socket with Docker installed, or a refused connection, means the daemon is down', () => {
    expect(explainDockerFailure(endpoint, { code: 'ENOENT', message: 'x', dockerInstalled: true }).problem).toBe('daemon-down');
    const refused = explainDockerFailure('tcp://127.0.0.1:2375', { code: 'ECONNREFUSED', message: 'x', dockerInstalled: true });
    expect(refused.problem).toBe('daemon-down');
    expect(refused.hint).toContain('tcp://127.0.0.1:2375');
  });

  it('anything else is reported as an error with the message kept', () => {
    expect(explainDockerFailure(endpoint, { message: 'HTTP 500', dockerInstalled: true })).toMatchObject({ problem: 'error', error: 'HTTP 500' });
  });
});

describe('the Docker hint in the window’s languages', () => {

  it('carries a catalogue key whose English is the engine’s sentence, word for word', () => {
    const cases = [
      { code: 'EACCES', dockerInstalled: true },
      { code: 'ENOENT', dockerInstalled: false },
      { code: 'ECONNREFUSED', dockerInstalled: true },
      { dockerInstalled: true },
    ];
    for (const failure of cases) {
      const s = explainDockerFailure('tcp://127.0.0.1:2375', { ...failure, message: 'x' });
      expect(s.hintMessage?.key).toBe(`engine-topology:docker.${s.problem}`);
      expect(inEnglish(s.hintMessage!)).toBe(s.hint);
    }
  });
});

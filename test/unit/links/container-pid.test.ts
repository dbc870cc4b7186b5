// A recorded container's pid, from the answers of every engine (Docker and Podman side by side).
import { describe, expect, it } from 'vitest';
import { pidFromEngines } from '../../../src/main/engine/links/container-pid';

describe('pidFromEngines', () => {
  it('takes the pid from the engine that knows the container, whatever the others said', () => {
    expect(pidFromEngines(['absent', { pid: 4242 }])).toBe(4242);
    expect(pidFromEngines([{ pid: 4242 }, 'unreadable'])).toBe(4242);
    expect(pidFromEngines(['unreadable', { pid: null }])).toBeNull(); // known and stopped
  });

  it('says removed (null) only when every engine answered that it has no such container', () => {
    expect(pidFromEngines(['absent', 'absent'])).toBeNull();
    expect(pidFromEngines(['absent', 'unreadable'])).toBeUndefined();
  });

  it('cannot say (undefined) when no engine was asked', () => {
    expect(pidFromEngines([])).toBeUndefined();
  });
});

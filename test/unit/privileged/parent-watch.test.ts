import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parentAlive, parseProcStat, processStartTicks } from '../../../src/main/privileged/helper/parent-watch';

const stat = (comm: string, state: string) => `123 (${comm}) ${state} 1 123 123 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 18446744073709551615\n`;

describe('parseProcStat', () => {
  it('reads the state and start time after the command name', () => {
    expect(parseProcStat(stat('electron', 'S'))).toEqual({ state: 'S', startTicks: '987654' });
  });

  it('is not fooled by spaces and parentheses in the command name', () => {
    expect(parseProcStat(stat('a) Z 1 (b', 'R'))).toEqual({ state: 'R', startTicks: '987654' });
  });

  it('gives null for text that is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('123 (x) S 1')).toBeNull();
  });
});

describe('parentAlive', () => {
  it('follows a real process until it has gone, and rejects a different start time', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const ticks = processStartTicks(child.pid!);
    expect(ticks).toMatch(/^\d+$/);
    expect(parentAlive(child.pid!, ticks!)).toBe(true);
    expect(parentAlive(child.pid!, `${ticks}1`)).toBe(false); // a recycled pid
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(parentAlive(child.pid!, ticks!)).toBe(false);
  });
});

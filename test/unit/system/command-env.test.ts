import { describe, expect, it } from 'vitest';
import { withSystemDirs } from '../../../src/main/system/command-env';

describe("the commands' PATH", () => {
  it("appends the sbin folders a normal user's PATH lacks, keeping the user's order first", () => {
    expect(withSystemDirs('/home/u/bin:/usr/bin:/bin')).toBe('/home/u/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin');
  });

  it('adds nothing twice, and works without a PATH', () => {
    expect(withSystemDirs('/usr/sbin:/usr/bin')).toBe('/usr/sbin:/usr/bin:/usr/local/sbin:/sbin:/usr/local/bin:/bin');
    expect(withSystemDirs(undefined)).toBe('/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin');
  });
});

// Benchmark (issue 7, 2b): change-to-screen latency. `docker run -d` returns → the window shows the
// new container, median and p95 over N runs, in Debian's Chromium against `bridgeport serve` (the
// same engine and renderer as the app, over the loopback transport). Inside a lab, after a build:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-latency.ts [--runs 20]
// The page is watched from inside (a MutationObserver stamps when the name first appears), so the
// measurement does not include Playwright's polling.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { execa } from 'execa';
import { serve } from '../test/e2e/serve';
import { median } from './lib/bench-stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const image = process.env.BP_LAB_IMAGE;
if (!process.env.BP_LAB || !image) throw new Error('run inside test/lab/lab.sh');
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const config = await mkdtemp(join(tmpdir(), 'bridgeport-bench-latency-'));
const served = await serve({ BRIDGEPORT_CONFIG_DIR: config });
const browser = await chromium.launch({ executablePath: process.env.BP_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const names: string[] = [];
try {
  // The app's CSP forbids eval; the harness's own probes need it (nothing of the app changes).
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  await page.goto(served.url);
  await page.waitForSelector('.react-flow__node');
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const name = `lat${i}-${Date.now() % 100000}`;
    names.push(name);
    // Armed before the container exists: stamps (performance.timeOrigin-based wall clock) when it shows.
    // A page script as a string: this file is type-checked without the DOM library.
    await page.evaluate(`(() => {
      delete window.__seenAt;
      const check = () => {
        if (window.__seenAt === undefined && document.body.innerText.includes(${JSON.stringify(name)})) window.__seenAt = performance.timeOrigin + performance.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await execa('docker', ['run', '-d', '--name', name, image!, 'sleep', '1d']);
    const returnedAt = Date.now();
    await page.waitForFunction('window.__seenAt !== undefined', undefined, { timeout: 10_000 });
    const seenAt = (await page.evaluate('window.__seenAt')) as number;
    // Negative: the window showed it before `docker run` returned (Docker's create/start events come first).
    latencies.push(seenAt - returnedAt);
    console.log(`run ${i + 1}: ${latencies.at(-1)!.toFixed(0)} ms`);
  }
  console.log(`\ndocker run returned → shown in the window: median ${median(latencies).toFixed(0)} ms, p95 ${p95(latencies).toFixed(0)} ms over ${runs} runs (target ≤ 300 ms)`);
} finally {
  await browser.close();
  await served.stop();
  if (names.length > 0) await execa('docker', ['rm', '-f', ...names], { reject: false });
  await rm(config, { recursive: true, force: true });
}

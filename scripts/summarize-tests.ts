// Adds up the JSON reports of every suite and prints one closing line: "tests: N passed, N failed, N skipped".
// Exits non-zero when any test failed or a suite left no report.
import { existsSync, readFileSync } from 'node:fs';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(file: string): Totals {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{ title: string; tests: Array<{ status: string; annotations: Array<{ type: string; description?: string }> }> }>;
}

/** A skipped test is never silent: its title and reason are printed. */
function printSkipped(suite: PlaywrightSuite): void {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests.filter((x) => x.status === 'skipped')) {
      const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      console.log(`  skipped: ${spec.title} — ${reason}`);
    }
  }
  suite.suites?.forEach(printSkipped);
}

function playwright(file: string): Totals {
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    suites: PlaywrightSuite[];
  };
  r.suites.forEach(printSkipped);
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}

const reports: Array<[string, (f: string) => Totals]> = process.argv.slice(2).map((f) => [f, f.includes('playwright') ? playwright : vitest]);
const total: Totals = { passed: 0, failed: 0, skipped: 0 };
let missing = 0;
for (const [file, read] of reports) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the suite did not run to the end)`);
    missing++;
    continue;
  }
  const t = read(file);
  console.log(`${file}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed + missing} failed, ${total.skipped} skipped`);
process.exit(total.failed + missing > 0 ? 1 : 0);

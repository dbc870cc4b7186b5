// Adds up the JSON reports of every suite and prints one closing line: "tests: N passed, N failed, N skipped".
// Every failed test is named with the first lines of its error, so the end of a CI log says what
// failed without scrolling back through the suites. Exits non-zero when any test failed or a suite
// left no report.
import { existsSync, readFileSync } from 'node:fs';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

/** The first lines of an error, on one line each, cut to a readable length. */
const firstLines = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- terminal colours in vitest's messages
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join('\n');

function vitest(file: string): Totals {
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: Array<{ name: string; message?: string; assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }> }>;
  };
  for (const suite of r.testResults ?? []) {
    const failed = suite.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failed) console.log(`  failed: ${suite.name.replace(process.cwd() + '/', '')} › ${a.fullName}\n${firstLines(a.failureMessages?.[0] ?? '')}`);
    // A file that failed to load (or in a hook) has no failed assertion: its message says why.
    if (failed.length === 0 && suite.message) console.log(`  failed: ${suite.name.replace(process.cwd() + '/', '')}\n${firstLines(suite.message)}`);
  }
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{
    title: string;
    tests: Array<{ status: string; annotations: Array<{ type: string; description?: string }>; results?: Array<{ error?: { message?: string } }> }>;
  }>;
}

/** A skipped test is never silent: its title and reason are printed; a failed one with its error. */
function printSkipped(suite: PlaywrightSuite): void {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests.filter((x) => x.status === 'unexpected' || x.status === 'flaky')) {
      const error = t.results?.find((x) => x.error)?.error?.message ?? '';
      console.log(`  ${t.status === 'flaky' ? 'flaky' : 'failed'}: ${suite.title} › ${spec.title}\n${firstLines(error)}`);
    }
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

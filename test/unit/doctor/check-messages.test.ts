// The checks' titles as catalogue keys (issue 18): every check of the report carries one, with its
// English title unchanged; a title the table does not know gets none (shown in English, not wrongly).
// The converted details and fix labels (ip-forward) say in English exactly what the engine says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTitleMessage } from '../../../src/main/engine/doctor/check-messages';
import { ipForwardCheck } from '../../../src/main/engine/doctor/checks/ip-forward';
import { doctorContext } from '../../../src/main/engine/doctor/doctor-context';
import { runChecks } from '../../../src/main/engine/doctor/run-checks';
import type { DoctorCheck } from '../../../src/shared/doctor-model';
import type { Message } from '../../../src/shared/message';
import { englishT } from '../renderer/i18n/english';
import { facts } from './doctor-fixtures';

/** What the window says for a message in English: must be the engine's English, word for word. */
const say = (m: Message | undefined) => (m ? englishT(m.key, m.params) : undefined);

const catalogue = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../src/shared/i18n/locales/${lang}/engine-doctor.json`), 'utf8')) as { title: Record<string, string> };

describe('doctor check titles as messages', () => {
  it('gives every check a title key whose English in the catalogue is the title the engine says', () => {
    const en = catalogue('en');
    const checks = runChecks(facts('docker20'));
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      expect(check.titleMessage).toEqual({ key: `engine-doctor:title.${check.id}`, params: {} });
      expect(en.title[check.id]).toBe(check.title);
    }
  });

  it('leaves a title it does not know without a key', () => {
    const check = { id: 'dns', title: 'Something else', status: 'ok' as const, detail: '', lookedAt: [] };
    expect(withTitleMessage(check)).toBe(check);
  });
});

describe('converted details', () => {
  it('say in English, through the catalogue, exactly the detail the engine wrote', () => {
    const checks = runChecks(facts('docker20'));
    const converted = checks.filter((c) => c.detailMessage);
    // The seed's report: every check ok; the ok sentences of these checks are converted.
    expect(converted.map((c) => c.id).sort()).toEqual(['br-netfilter', 'dns', 'docker-proxy', 'ip-forward', 'iptables-split', 'subnet-overlap']);
    for (const check of converted) expect(say(check.detailMessage)).toBe(check.detail);
  });
});

describe('ip-forward details and fix as messages', () => {
  const sysctls = (ipForward: string | null) => ({ ipForward, bridgeNfCallIptables: '1' });
  const dropIn = { dir: '/test/d', files: [{ path: '/test/d/opts.conf', text: '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --ip-forward=false\n' }], error: null };
  const cases: Array<[string, DoctorCheck]> = [
    ['on', ipForwardCheck(doctorContext(facts('docker20', { sysctls: sysctls('1') })))],
    ['off', ipForwardCheck(doctorContext(facts('docker20', { sysctls: sysctls('0') })))],
    ['off, dockerd told so', ipForwardCheck(doctorContext(facts('docker20', { sysctls: sysctls('0'), dropIns: dropIn })))],
    ['unreadable', ipForwardCheck(doctorContext(facts('docker20', { sysctls: sysctls(null) })))],
  ];

  it.each(cases)('%s: the English catalogue says the engine\'s detail and fix label word for word', (_name, check) => {
    expect(check.detailMessage?.key).toMatch(/^engine-doctor:ipForward\./);
    expect(say(check.detailMessage)).toBe(check.detail);
    expect(say(check.fix?.labelMessage)).toBe(check.fix?.label);
  });

  it('names where dockerd is told not to forward in the message too', () => {
    expect(cases[2]![1].detailMessage).toEqual({ key: 'engine-doctor:ipForward.offTold', params: { value: '0', source: '--ip-forward=false in /test/d/opts.conf' } });
  });
});

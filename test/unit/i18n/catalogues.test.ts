// The catalogues (issue 18): every key in both languages, no English left in the Korean one, and
// every literal key the renderer asks for present in English (the fallback).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_ENGINE_CATALOGUES } from '../../../src/shared/i18n/english';

const src = resolve(import.meta.dirname, '../../../src');
const root = join(src, 'renderer/src');
// The window's own catalogues, and the engine's (shared with the main process).
const folders = [join(root, 'i18n/locales'), join(src, 'shared/i18n/locales')];
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

function catalogue(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const locales of folders) {
    for (const file of readdirSync(join(locales, lang))) {
      const ns = file.replace(/\.json$/, '');
      for (const [k, v] of flatten(JSON.parse(readFileSync(join(locales, lang, file), 'utf8')) as Tree)) all.set(`${ns}:${k}`, v);
    }
  }
  return all;
}

const en = catalogue('en');
const ko = catalogue('ko');
// Words that are the same in Korean text (names of things, protocols).
const SAME_IN_BOTH = /^(NAT|DNS|English|한국어|IPv4|IPv6|TCP|UDP|veth|MAC|DNAT|SNAT|ELK)$/;

describe('the message catalogues', () => {
  it('hold the same namespaces in both languages', () => {
    for (const locales of folders) expect(readdirSync(join(locales, 'ko')).sort()).toEqual(readdirSync(join(locales, 'en')).sort());
  });

  it('are all rendered into the engine’s English (shared/i18n/english.ts lists each one)', () => {
    const engineFolder = join(src, 'shared/i18n/locales/en');
    const listed = Object.keys(ENGLISH_ENGINE_CATALOGUES).sort();
    expect(listed).toEqual(readdirSync(engineFolder).map((f) => f.replace(/\.json$/, '')).sort());
  });

  it('hold every key in both languages (plural forms per language: Korean has only "other")', () => {
    const enKeys = new Set([...en.keys()].map(base));
    const koKeys = new Set([...ko.keys()].map(base));
    expect([...enKeys].filter((k) => !koKeys.has(k))).toEqual([]);
    expect([...koKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    // Korean plurals are written as _other (i18next's rule for ko has that form alone).
    expect([...ko.keys()].filter((k) => /_(one|two|few|many)$/.test(k))).toEqual([]);
  });

  it('leave no English sentence in the Korean catalogue', () => {
    const untranslated = [...ko].filter(([k, v]) => {
      const english = en.get(k) ?? en.get(`${base(k)}_one`) ?? en.get(`${base(k)}_other`);
      return english === v && /[A-Za-z]{3}/.test(v.replace(/\{\{[^}]*\}\}/g, '')) && !SAME_IN_BOTH.test(v);
    });
    expect(untranslated).toEqual([]);
  });

  it('keep every {{placeholder}} of the English text', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([a-zA-Z]+)/g)].map((m) => m[1]).sort();
    const lost = [...ko].filter(([k, v]) => {
      const english = en.get(k) ?? en.get(`${base(k)}_other`);
      return english !== undefined && JSON.stringify(placeholders(english).filter((p) => p !== 'count')) !== JSON.stringify(placeholders(v).filter((p) => p !== 'count'));
    });
    expect(lost).toEqual([]);
  });

  it('have, in English, every literal key the renderer asks for', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (/\.tsx?$/.test(entry.name)) files.push(join(dir, entry.name));
      }
    };
    walk(root);
    const missing: string[] = [];
    // The engine's messages: every literal engine-<area>:<key> in the main process and shared code.
    const engineFiles: string[] = [];
    const walkEngine = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walkEngine(join(dir, entry.name));
        else if (/\.ts$/.test(entry.name)) engineFiles.push(join(dir, entry.name));
      }
    };
    walkEngine(join(src, 'main'));
    walkEngine(join(src, 'shared'));
    for (const file of engineFiles) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(engine-[a-z-]+:[\w.-]+)'/g)) {
        const key = m[1]!;
        if (!en.has(key) && !en.has(`${key}_one`) && !en.has(`${key}_other`)) missing.push(`${file.slice(src.length + 1)}: ${key}`);
      }
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ns = /useTranslation\(\s*'([a-z-]+)'/.exec(text)?.[1] ?? 'common';
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
        const key = m[1]!.includes(':') ? m[1]! : `${ns}:${m[1]}`;
        if (!en.has(key) && !en.has(`${key}_one`) && !en.has(`${key}_other`)) missing.push(`${file.slice(root.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

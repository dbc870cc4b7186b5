import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../../src/renderer/src/i18n/resolve-language';
import { pseudoCatalogue } from '../../../../src/renderer/src/i18n/pseudo';

describe('resolveLanguage', () => {
  it('follows the system when set to auto: the first language Bridgeport has', () => {
    expect(resolveLanguage('auto', ['ko-KR', 'en-US'])).toBe('ko');
    expect(resolveLanguage('auto', ['de-DE', 'ko'])).toBe('ko');
    expect(resolveLanguage('auto', ['de-DE', 'fr'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
  });

  it('takes the setting over the system, and ?lang= over both', () => {
    expect(resolveLanguage('en', ['ko-KR'])).toBe('en');
    expect(resolveLanguage('ko', ['en-US'], 'en')).toBe('en');
    expect(resolveLanguage('ko', ['en-US'], 'pseudo')).toBe('pseudo');
    expect(resolveLanguage('ko', ['en-US'], 'xx')).toBe('ko');
  });
});

describe('pseudoCatalogue', () => {
  it('marks every string and keeps its placeholders', () => {
    expect(pseudoCatalogue({ a: 'Hello {{name}}', b: { c_one: '{{count}} rule', c_other: '{{count}} rules' } })).toEqual({
      a: '⟦Hello {{name}}⟧',
      b: { c_one: '⟦{{count}} rule⟧', c_other: '⟦{{count}} rules⟧' },
    });
  });
});

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The pseudo-locale check (issue 18): with ?lang=pseudo every string that came through a catalogue
// is wrapped in ⟦ ⟧; any other visible English on a view is a string left untranslated. Data is not
// prose: elements marked translate="no" (names, addresses, rule text, paths) are skipped. Engine
// sentences come as messages and are translated like the rest; one shown without its message is
// marked data-engine-text="untranslated" and listed apart (engineTexts), so a test can name it.
import type { Page } from '@playwright/test';

export interface EnglishLeft {
  /** Visible English outside catalogues and data: must be empty. */
  strings: string[];
  /** Engine sentences shown in English (without a message): how many, and their texts. */
  engineUntranslated: number;
  engineTexts: string[];
}

/** The served URL with ?lang=pseudo before its #token fragment. */
export const pseudoUrl = (url: string) => url.replace(/\/?#/, '/?lang=pseudo#');

/** `scope`: the CSS selector of the parts to check (default: the whole page). */
export async function englishLeft(page: Page, scope = 'body'): Promise<EnglishLeft> {
  return page.evaluate((selector) => {
    const strings: string[] = [];
    const roots = [...document.querySelectorAll(selector)];
    for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const skip = (el: Element | null): boolean => !!el?.closest('[translate="no"], [data-engine-text="untranslated"], script, style, code, pre, kbd, svg');
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      // Nested messages nest their brackets (⟦a ⟦b⟧ c⟧): innermost first, until none is left.
      let outside = node.textContent ?? '';
      for (let before = ''; before !== outside; ) {
        before = outside;
        outside = outside.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      // English words of three letters or more; units and protocol names are data.
      const words = outside.match(/[A-Za-z]{3,}/g)?.filter((w) => !/^(TCP|UDP|NAT|DNS|DNAT|SNAT|IPv4|IPv6|KiB|MiB|GiB|TiB|veth|eth\d*)$/i.test(w)) ?? [];
      if (words.length > 0) strings.push(outside.trim().slice(0, 120));
    }
    }
    const engine = roots.flatMap((r) => [...r.querySelectorAll('[data-engine-text="untranslated"]')]);
    const engineTexts = [...new Set(engine.map((e) => (e.textContent ?? '').trim().slice(0, 120)))];
    return { strings: [...new Set(strings)], engineUntranslated: engine.length, engineTexts };
  }, scope);
}

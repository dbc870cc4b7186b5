// The pseudo-locale: every English string of the catalogues wrapped in ⟦ ⟧ (placeholders kept), so
// a test can find any text on screen that did not come through a catalogue. Pure.
export type Catalogue = { [key: string]: string | Catalogue };

export function pseudoCatalogue(source: Catalogue): Catalogue {
  const out: Catalogue = {};
  for (const [key, value] of Object.entries(source)) out[key] = typeof value === 'string' ? `⟦${value}⟧` : pseudoCatalogue(value);
  return out;
}

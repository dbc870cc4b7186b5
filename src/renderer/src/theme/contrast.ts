// WCAG 2 contrast for picking readable text colours from a palette. Pure.

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const hexOf = (rgb: Rgb) => `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;

function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `share` of `top` over `bottom` (a translucent tint as it looks on that background). */
export function mix(top: string, bottom: string, share: number): string {
  const [t, u] = [rgbOf(top), rgbOf(bottom)];
  return hexOf(t.map((v, i) => v * share + u[i]! * (1 - share)) as Rgb);
}

/** The first candidate readable on `background` (AA, with a margin); else the last one pushed toward `toward` until it is. */
export function readableOn(background: string, candidates: readonly string[], toward: '#000000' | '#ffffff', target = 4.6): string {
  for (const c of candidates) if (contrastRatio(c, background) >= target) return c;
  let c = candidates.at(-1)!;
  for (let step = 0; step < 20 && contrastRatio(c, background) < target; step++) c = mix(toward, c, 0.1);
  return c;
}

// One theme for both colour schemes, tuned for contrast (WCAG AA, checked by axe in the e2e suite):
// filled colours one shade darker than Mantine's default; on them black or white text, whichever
// reads better (a luminance threshold of 0.18 is where both contrast alike); coloured text and the
// light variants' text picked per colour and scheme from the palette so it reads on their tinted
// background; dimmed text a step brighter in dark and darker in light than Mantine's default
// (#828282 on #242424 is 4.0:1; AA needs 4.5).
import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { mix, readableOn } from './contrast';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.18,
});

const DARK_BODY = DEFAULT_THEME.colors.dark[7];

/** Text and light-variant text of one colour in each scheme, readable on that variant's tint. */
function textColors(name: string, palette: MantineColorsTuple): { light: Record<string, string>; dark: Record<string, string> } {
  // Mantine's light variant sits on shade 1 in the light scheme (the darkest of its tints).
  const onLight = readableOn(palette[1], [palette[6], palette[7], palette[8], palette[9]], '#000000');
  const onDark = readableOn(mix(palette[6], DARK_BODY, 0.18), [palette[4], palette[3], palette[2], palette[1], palette[0]], '#ffffff');
  return {
    light: { [`--mantine-color-${name}-text`]: onLight, [`--mantine-color-${name}-light-color`]: onLight },
    dark: { [`--mantine-color-${name}-text`]: onDark, [`--mantine-color-${name}-light-color`]: onDark },
  };
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': t.colors.gray[7]! };
  const dark: Record<string, string> = { '--mantine-color-dimmed': t.colors.dark[1]! };
  for (const [name, palette] of Object.entries(t.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    const colors = textColors(name, palette);
    Object.assign(light, colors.light);
    Object.assign(dark, colors.dark);
  }
  return { variables: {}, light, dark };
};

/**
 * WCAG 2 contrast arithmetic: readable text on contender colors, and contender colors that stand
 * out on the slide; and how far apart two colors look (CIELAB ΔE 1976).
 */

export function parseHex(hex: string): [number, number, number] {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** sRGB channels as linear light, 0 to 1. */
function linear(hex: string): [number, number, number] {
  return parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** ΔE 1976 between two hex colors: their distance in CIELAB, under D65. */
export function colorDistance(a: string, b: string): number {
  const [la, lb] = [lab(a), lab(b)];
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = linear(hex);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG 2.1 non-text contrast (1.4.11): a shape that identifies something needs 3:1 against what is beside it. */
export const NON_TEXT_CONTRAST = 3;

/**
 * The outline a shape filled with `color` needs on `background` to stand out
 * (`edge`, the theme's text color), when the color alone has less than 3:1; none otherwise.
 */
export function edgeOn(color: string, background: string, edge: string): string | undefined {
  return contrastRatio(color, background) < NON_TEXT_CONTRAST ? edge : undefined;
}

export const DARK_TEXT = '#1a1a1a';
export const LIGHT_TEXT = '#ffffff';

/** White or near-black, whichever reads better on `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

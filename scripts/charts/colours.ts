/**
 * A dark and a light shade per hue, from Vega's tableau20 scheme. A technique keeps its hue on
 * every chart: dark for measured runs, light for the 2014 technique it stands for.
 */
const SHADES: Array<[dark: string, light: string]> = [
  ['#4c78a8', '#9ecae9'],
  ['#f58518', '#ffbf79'],
  ['#e45756', '#ff9d98'],
  ['#54a24b', '#88d27a'],
  ['#439894', '#83bcb6'],
  ['#b79a20', '#f2cf5b'],
  ['#b279a2', '#d6a5c9'],
  ['#d67195', '#fcbfd2'],
  ['#9e765f', '#d8b5a5'],
  ['#79706e', '#bab0ac'],
];

/** Returns the shades of the technique at `index` in the site's sorted list of measured techniques. */
export function techniqueShades(index: number): { dark: string; light: string } {
  const [dark, light] = SHADES[index % SHADES.length];
  return { dark, light };
}

/** Mixes two #rrggbb colours: t = 0 gives `from`, t = 1 gives `to`. */
export function mixColours(from: string, to: string, t: number): string {
  const channel = (hex: string, index: number) => parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16);
  const mixed = [0, 1, 2].map((index) => Math.round(channel(from, index) + (channel(to, index) - channel(from, index)) * t));
  return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

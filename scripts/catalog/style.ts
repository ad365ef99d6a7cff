import type { TextStyle } from './measure.ts';

/** Sizes of the chart's parts in px; text sizes feed both the measurer and the SVG. */
export const CHART_STYLE = {
  toolName: { size: 13, weight: 'bold' } as TextStyle,
  edgeLabel: { size: 11, weight: 'normal' } as TextStyle,
  vendorLabel: { size: 11, weight: 'bold' } as TextStyle,
  pill: { size: 15, weight: 'bold' } as TextStyle,
  badge: { size: 9, weight: 'bold' } as TextStyle,
  title: { size: 30, weight: 'bold' } as TextStyle,
  footer: { size: 12, weight: 'normal' } as TextStyle,
  note: { size: 10, weight: 'normal' } as TextStyle,
  noteTitle: { size: 10, weight: 'bold' } as TextStyle,

  margin: 24,
  titleBand: 64,
  footerBand: 72,
  toolHeight: 30,
  toolPaddingX: 10,
  stripeWidth: 6,
  badgePaddingX: 5,
  badgeGap: 6,
  pillPaddingX: 18,
  pillPaddingY: 6,
  framePadding: 8,
  regionPadding: 12,
  labelPaddingX: 3,
} as const;

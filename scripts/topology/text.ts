import { createCanvas, GlobalFonts } from 'canvas';

/** Font of every label in the diagram. Pages and PDFs name the same family. */
export const DIAGRAM_FONT = 'Liberation Sans';

/** Width in px of a label set in the diagram font at `size` px. */
export type MeasureText = (text: string, size: number, bold?: boolean) => number;

let context: ReturnType<ReturnType<typeof createCanvas>['getContext']> | undefined;

/** Measures with the installed Liberation Sans, so boxes fit their labels as the browser draws them. */
export const measureWithCanvas: MeasureText = (text, size, bold = false) => {
  if (!GlobalFonts.has(DIAGRAM_FONT)) {
    throw new Error(`font "${DIAGRAM_FONT}" is not installed; install it with: apt-get install fonts-liberation`);
  }
  context ??= createCanvas(1, 1).getContext('2d');
  context.font = `${bold ? 'bold ' : ''}${size}px "${DIAGRAM_FONT}"`;
  return context.measureText(text).width;
};

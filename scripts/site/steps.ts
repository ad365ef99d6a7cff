import type { StageCache } from '../cache.ts';
import type { Logger } from '../log.ts';
import type { BrowserSession } from '../pdf/session.ts';
import { printPosterPdf } from '../pdf/poster.ts';
import { printReportPdf } from '../pdf/report.ts';
import { indexSearch } from './search.ts';

export interface StepContext {
  root: string;
  /** The staging folder Eleventy just wrote. */
  out: string;
  pathPrefix: string;
  pdf: boolean;
  log: Logger;
  cache: StageCache;
  /** The build's shared Chromium for the PDF prints; without it each print starts its own. */
  browser?: BrowserSession;
}

/** Work done on the written site before it replaces the previous one, in this order. */
export const postBuildSteps: Array<(context: StepContext) => Promise<void>> = [indexSearch, printReportPdf, printPosterPdf];

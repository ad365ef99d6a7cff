import type { StepContext } from '../site/steps.ts';

export async function printReportPdf(_context: StepContext): Promise<void> {}

import type { SiteContext } from './data.ts';

export interface ReportData {
  runs: string[];
}

export async function loadReport(_context: SiteContext): Promise<ReportData> {
  return { runs: [] };
}

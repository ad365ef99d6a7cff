/** Template filters, registered in one call from the Eleventy config. */
export function registerFilters(eleventyConfig: {
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
}): void {
  eleventyConfig.addFilter('isoDate', isoDate);
  eleventyConfig.addFilter('readableDate', readableDate);
  eleventyConfig.addFilter('gbps', formatGbps);
  eleventyConfig.addFilter('withoutSvg', withoutSvg);
}

/** Formats a date as YYYY-MM-DD in UTC, so the output does not depend on the build machine's zone. */
export function isoDate(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

export function readableDate(value: Date | string): string {
  return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Formats a throughput in Gbit/s with two decimals; an absent value prints as an en dash. */
export function formatGbps(value: number | undefined | null): string {
  return value === undefined || value === null || Number.isNaN(value) ? '–' : value.toFixed(2);
}

/**
 * Replaces inline SVG drawings with a line pointing to the web page. Feed readers show inline
 * SVG poorly or not at all, and the charts would make the feed hundreds of kilobytes.
 */
export function withoutSvg(html: string): string {
  return html.replace(/<svg\b[\s\S]*?<\/svg>/g, '<p><em>(A drawing is shown here on the web page.)</em></p>');
}

// The site, step by step: where the inputs are, what data the pipeline stages hand to the
// pages, which plugins and filters the templates use, and what is copied as is.
import { invalidateSiteData, siteData } from './scripts/site/data.ts';
import { registerFilters } from './scripts/site/filters.ts';

export const config = {
  dir: {
    input: 'content',
    includes: '../templates',
    layouts: '../templates/layouts',
    data: '_data',
  },
  markdownTemplateEngine: 'njk',
  htmlTemplateEngine: 'njk',
  templateFormats: ['md', 'njk'],
};

export default function (eleventyConfig) {
  // Stage outputs as global data: the performance report (ingest → analyze → charts).
  eleventyConfig.addGlobalData('report', async () => (await siteData()).report);

  // Read data/ again on every rebuild in watch mode; Eleventy does not watch it by itself.
  eleventyConfig.addWatchTarget('data/**/*');
  eleventyConfig.on('eleventy.beforeWatch', () => invalidateSiteData());

  // Filters shared by every template (dates, numbers, CSV, escaping).
  registerFilters(eleventyConfig);

  // Stylesheets, scripts and fonts are copied unchanged.
  eleventyConfig.addPassthroughCopy({ 'content/assets': 'assets' });
}

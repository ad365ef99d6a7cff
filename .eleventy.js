// The site, step by step: where the inputs are, what data the pipeline stages hand to the
// pages, which plugins and filters the templates use, and what is copied as is.
import rssPlugin from '@11ty/eleventy-plugin-rss';
import syntaxHighlight from '@11ty/eleventy-plugin-syntaxhighlight';

import { registerBlogFilters } from './scripts/site/blogFilters.ts';
import { invalidateSiteData, siteData } from './scripts/site/data.ts';
import { registerFilters } from './scripts/site/filters.ts';

export const config = {
  // The input folder, <root>/content, is given by `netnotes build` and `dev`, so a build of
  // another project root reads that root's pages; includes and layouts are relative to it.
  dir: {
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
  // Site title, author, base URL and language, validated (data/metadata.yaml).
  eleventyConfig.addGlobalData('metadata', async () => (await siteData()).metadata);
  // The VirtualBox guide's network plan, checked, with its topology diagram (data/network/).
  eleventyConfig.addGlobalData('network', async () => (await siteData()).network);
  // The Docker ecosystem chart: validated catalog, automatic layout, SVG (data/catalog/).
  eleventyConfig.addGlobalData('catalog', async () => (await siteData()).catalog);

  // Read data/ again on every rebuild in watch mode; Eleventy does not watch it by itself.
  // Its scan of the config's imports cannot parse TypeScript, so that scan is off; a change
  // to scripts/ needs a restart of `netnotes dev`.
  eleventyConfig.addWatchTarget('data/**/*');
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.on('eleventy.beforeWatch', () => invalidateSiteData());

  // Filters shared by every template (dates, numbers, CSV, escaping).
  registerFilters(eleventyConfig);

  // Blog plumbing: Atom feed filters and the HTML base plugin, which adds --pathprefix to every
  // root-relative URL in the output (so templates write "/tags/" and never use the `url` filter);
  // code blocks highlighted at build time; filters for the tag, archive and feed pages.
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(syntaxHighlight);
  registerBlogFilters(eleventyConfig);

  // Stylesheets, scripts and fonts are copied unchanged.
  eleventyConfig.addPassthroughCopy({ 'content/assets': 'assets' });
}

/** A page of Eleventy's collections, as far as the blog's templates read it. */
interface CollectionItem {
  url: string;
  date: Date;
  data: { title?: string; tags?: string[]; updated?: Date | string };
}

/** Tags that group pages for Eleventy's own use and get no tag page. */
const INTERNAL_TAGS = new Set(['all', 'posts']);

/** Filters for the home, tag, archive and feed templates, registered in one call. */
export function registerBlogFilters(eleventyConfig: {
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
}): void {
  eleventyConfig.addFilter('visibleTags', visibleTags);
  eleventyConfig.addFilter('tagNames', tagNames);
  eleventyConfig.addFilter('postsByYear', postsByYear);
  eleventyConfig.addFilter('lastModified', lastModified);
  eleventyConfig.addFilter('newestModified', newestModified);
}

/** Drops the collection tags, leaving the tags a reader sees on a post. */
export function visibleTags(tags: string[] | string | undefined): string[] {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  return list.filter((tag) => !INTERNAL_TAGS.has(tag));
}

/** Lists every tag that gets a page, sorted alphabetically. */
export function tagNames(collections: Record<string, unknown>): string[] {
  return Object.keys(collections)
    .filter((tag) => !INTERNAL_TAGS.has(tag))
    .sort((a, b) => a.localeCompare(b));
}

/** Groups posts by the UTC year of their date, newest year and newest post first. */
export function postsByYear(posts: CollectionItem[]): Array<{ year: number; posts: CollectionItem[] }> {
  const newestFirst = [...posts].sort((a, b) => b.date.getTime() - a.date.getTime());
  const years = new Map<number, CollectionItem[]>();
  for (const post of newestFirst) {
    const year = post.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  return [...years].map(([year, list]) => ({ year, posts: list }));
}

/** Returns the date a page last changed: its `updated` front matter when set, else its date. */
export function lastModified(item: CollectionItem): Date {
  const updated = item.data.updated;
  return updated === undefined ? item.date : new Date(updated);
}

/** Returns the newest lastModified of the items, which Atom requires as the feed's own updated date. */
export function newestModified(items: CollectionItem[]): Date | undefined {
  const times = items.map((item) => lastModified(item).getTime());
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

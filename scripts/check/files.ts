export { listFiles } from '../files.ts';

/** Maps an HTML file of the site to its URL path: "a/index.html" to "/a/", "404.html" to "/404.html". */
export function pagePathOf(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

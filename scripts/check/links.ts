import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { SITE_ORIGIN, siteFileFor } from '../pdf/site-page.ts';
import { listFiles, pagePathOf } from './files.ts';
import type { Finding } from './findings.ts';
import { startTags, type StartTag } from './html.ts';

export interface LinkCheckOptions {
  siteDir: string;
  /** The prefix the site was built with ("/" for the root). */
  pathPrefix: string;
  /** The address the site is published at; links to it are checked like relative ones. */
  baseUrl?: string;
}

export interface LinkReport {
  findings: Finding[];
  /** Links that leave the site, each with the places that use it; listed, never fetched. */
  external: Map<string, string[]>;
  /** Internal links and anchors that resolved. */
  checked: number;
}

/** Attributes that load or point to another document, per element. */
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'xlink:href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
};

/** Checks that every internal link and anchor of every HTML page resolves to a file and an id. */
export async function checkLinks(options: LinkCheckOptions): Promise<LinkReport> {
  const files = await listFiles(options.siteDir);
  const fileSet = new Set(files);
  const pages = new Map<string, StartTag[]>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    pages.set(file, startTags(await readFile(path.join(options.siteDir, file), 'utf8')));
  }
  const ids = new Map([...pages].map(([file, tags]) => [file, idsOf(tags)]));

  const report: LinkReport = { findings: [], external: new Map(), checked: 0 };
  for (const [file, tags] of pages) {
    for (const tag of tags) {
      for (const value of linkValues(tag)) {
        const where = `${file}:${tag.line}:${tag.column}`;
        checkOne(value, where, pageUrl(file, options.pathPrefix), { options, fileSet, ids, report });
      }
    }
  }
  return report;
}

interface Resolution {
  options: LinkCheckOptions;
  fileSet: Set<string>;
  ids: Map<string, Set<string>>;
  report: LinkReport;
}

function checkOne(value: string, where: string, base: string, { options, fileSet, ids, report }: Resolution): void {
  const fail = (message: string): void => {
    report.findings.push({ check: 'links', where, message });
  };
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '#') return;
  if (/^javascript:/i.test(trimmed)) return fail(`link "${value}" runs script; use a button or a real URL`);
  if (/^data:/i.test(trimmed)) return;

  let url: URL;
  try {
    url = new URL(siteRelative(trimmed, options.baseUrl, options.pathPrefix), base);
  } catch {
    return fail(`link "${value}" is not a valid URL`);
  }
  if (url.origin !== SITE_ORIGIN) {
    const users = report.external.get(url.href) ?? [];
    report.external.set(url.href, [...users, where]);
    return;
  }

  const target = targetFile(url, options, fileSet);
  if (!target) return fail(`link "${value}" → ${url.pathname}: not found in the output`);
  const anchor = decodeURIComponent(url.hash.slice(1));
  if (anchor && anchor !== 'top') {
    const targetIds = ids.get(target);
    if (!targetIds) return fail(`link "${value}" → ${target}#${anchor}: the target is not an HTML page, so it has no anchors`);
    if (!targetIds.has(anchor)) return fail(`link "${value}" → ${target}: no element with id "${anchor}"`);
  }
  report.checked++;
}

/** Rewrites an absolute link to the published site as a root-relative one under the prefix. */
function siteRelative(value: string, baseUrl: string | undefined, pathPrefix: string): string {
  if (!baseUrl) return value;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (!value.startsWith(base)) return value;
  const prefix = pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`;
  // The base URL of the metadata may already end with the prefix.
  const rest = value.slice(base.length);
  return rest.startsWith(prefix.slice(1)) && prefix !== '/' ? `/${rest}` : `${prefix}${rest}`;
}

function targetFile(url: URL, options: LinkCheckOptions, fileSet: Set<string>): string | undefined {
  const file = siteFileFor(`${url.origin}${url.pathname}`, options.siteDir, options.pathPrefix);
  if (!file) return undefined;
  const relative = path.relative(options.siteDir, file).split(path.sep).join('/');
  if (fileSet.has(relative)) return relative;
  // Static hosts serve "/a" from a/index.html as well.
  if (fileSet.has(`${relative}/index.html`)) return `${relative}/index.html`;
  return undefined;
}

function linkValues(tag: StartTag): string[] {
  const names = LINK_ATTRIBUTES[tag.name] ?? [];
  const values = names.map((name) => tag.attributes.get(name)).filter((v): v is string => v !== undefined);
  const srcset = tag.attributes.get('srcset');
  if (srcset) values.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]));
  return values;
}

function idsOf(tags: StartTag[]): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags) {
    const id = tag.attributes.get('id');
    if (id) ids.add(id);
    const name = tag.attributes.get('name');
    if (tag.name === 'a' && name) ids.add(name);
  }
  return ids;
}

function pageUrl(file: string, pathPrefix: string): string {
  const prefix = pathPrefix.replace(/\/+$/, '');
  return `${SITE_ORIGIN}${prefix}${pagePathOf(file)}`;
}

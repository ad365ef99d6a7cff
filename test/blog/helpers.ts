import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { parse as parseYaml } from 'yaml';

import { createMemoryLogger } from '../../scripts/log.ts';
import { build } from '../../scripts/site/build.ts';
import { shippedProject } from '../site/temp-project.ts';

export const root = path.join(import.meta.dirname, '../..');

/** An XML element as Python's ElementTree reads it. Tags carry their namespace as {uri}name. */
export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

// ElementTree is a strict XML parser: a file that is not well-formed raises, and the test fails.
const XML_TO_JSON = `
import json, sys, xml.etree.ElementTree as ET
def walk(e):
    return {"tag": e.tag, "attributes": e.attrib, "text": (e.text or "").strip(), "children": [walk(c) for c in e]}
print(json.dumps(walk(ET.parse(sys.argv[1]).getroot())))
`;

export function parseXmlFile(file: string): XmlElement {
  return JSON.parse(execFileSync('python3', ['-c', XML_TO_JSON, file], { encoding: 'utf8' })) as XmlElement;
}

export function childrenNamed(element: XmlElement, tag: string): XmlElement[] {
  return element.children.filter((child) => child.tag === tag);
}

/** Project roots of the sites buildSite made, by output folder. */
const projects = new Map<string, string>();

/** Removes a site made by buildSite, with the temporary folder around it and its project root. */
export async function removeSite(out: string): Promise<void> {
  await rm(path.dirname(out), { recursive: true, force: true });
  const project = projects.get(out);
  projects.delete(out);
  if (project) await rm(project, { recursive: true, force: true });
}

/**
 * Builds the whole site without PDFs, from this checkout's content and the shipped data, into a
 * new temporary folder and returns that folder.
 */
export async function buildSite(pathPrefix = '/'): Promise<string> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'netnotes-blog-')), 'site');
  projects.set(out, shippedProject());
  try {
    await build({ root: projects.get(out)!, out, pathPrefix, pdf: false }, createMemoryLogger());
  } catch (error) {
    // The caller gets no folder to remove when the build fails, so it is removed here.
    await removeSite(out);
    throw error;
  }
  return out;
}

/** A post as its front matter declares it, found by reading content/. */
export interface ContentPost {
  file: string;
  url: string;
  title: string;
  date: string;
  tags: string[];
  summary: string;
}

/** Finds every template under content/ whose front matter tags include "posts". A folder's index is served at the folder's URL. */
export async function postsInContent(): Promise<ContentPost[]> {
  const content = path.join(root, 'content');
  const files = (await readdir(content, { recursive: true })).filter((file) => /\.(md|njk)$/.test(file));
  const posts: ContentPost[] = [];
  for (const file of files) {
    const text = await readFile(path.join(content, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!match) continue;
    const data = parseYaml(match[1]) as Record<string, unknown>;
    const tags = ([] as string[]).concat((data.tags as string[] | string | undefined) ?? []);
    if (!tags.includes('posts')) continue;
    const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
    const url = typeof data.permalink === 'string' ? data.permalink : `/${path.dirname(file)}/`;
    posts.push({ file, url, title: String(data.title), date, tags, summary: String(data.summary ?? '') });
  }
  return posts;
}

/** HTML files of a built site, as paths relative to its root, leaving out Pagefind's bundle. */
export async function htmlFiles(out: string): Promise<string[]> {
  const files = await readdir(out, { recursive: true });
  return files.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind')).sort();
}

/** Returns the page URL a built file is served at: dir/index.html → /dir/. */
export function urlOf(file: string): string {
  const url = `/${file.split(path.sep).join('/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/** Escapes text the way Nunjucks' autoescape writes it into HTML. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

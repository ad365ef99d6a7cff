import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { checkHostileData, checkHostileSite, liveMarkup } from '../../scripts/check/hostile.ts';
import { BREAKOUT_PAYLOAD, SCRIPT_PAYLOAD } from '../../scripts/check/hostile-inputs.ts';
import { shippedProject } from '../site/temp-project.ts';
import { page, writeSite } from './site.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('liveMarkup', () => {
  it('finds a raw script and a breakout handler', () => {
    expect(liveMarkup(`<p>${SCRIPT_PAYLOAD}</p>`)).toEqual(['a live <script> element runs "alert(1)"']);
    expect(liveMarkup(`<p title="${BREAKOUT_PAYLOAD}">x</p>`)).toEqual(['<img> at 1:13 has a live onerror handler']);
  });

  it('finds a handler made by an unescaped quote', () => {
    const quotesOnly = BREAKOUT_PAYLOAD.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(liveMarkup(`<p title="${quotesOnly}">x</p>`)).toEqual(['<p> at 1:1 has a live onerror handler']);
  });

  it('passes escaped payloads', () => {
    expect(liveMarkup(`<p title="${escape(BREAKOUT_PAYLOAD)}">${escape(SCRIPT_PAYLOAD)}</p>`)).toEqual([]);
  });
});

describe('checkHostileSite', () => {
  const site = writeSite({
    'index.html': page('Home', `<p>${SCRIPT_PAYLOAD}</p>`),
    // Escaped once: valid XML, but a feed reader decodes it into a live script.
    'feed.xml': `<feed><entry><content type="html">&lt;p&gt;${SCRIPT_PAYLOAD.replace(/</g, '&lt;')}&lt;/p&gt;</content></entry></feed>`,
    'broken.csv': 'a,b\n"1,2\n',
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('reports every kind of unsafe output', async () => {
    const findings = (await checkHostileSite(site)).map((f) => `${f.where}: ${f.message}`);
    expect(findings).toContain('index.html: a live <script> element runs "alert(1)"');
    expect(findings).toContain('feed.xml: after entity decoding, as in a feed reader: a live <script> element runs "alert(1)"');
    expect(findings.some((f) => f.startsWith('broken.csv: does not parse as CSV'))).toBe(true);
    expect(findings).toContain('docker-ecosystem/tools.json: missing from the output');
    expect(findings).toContain('index.html: the page opened a dialog: "1"');
  });
});

describe('checkHostileData', () => {
  const project = shippedProject();
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('builds hostile catalog and manifest strings inert', async () => {
    expect(await checkHostileData(project)).toEqual([]);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { parseDocument, visit } from 'yaml';

import type { ProjectCopy } from './project.ts';

/** A script element and an attribute breakout: each must reach every output as plain text. */
export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
export const BREAKOUT_PAYLOAD = '"><img src=x onerror=alert(1)>';

/** Catalog and run-manifest strings replaced by hostile ones: file, old value, new value. */
export const HOSTILE_EDITS: Array<{ file: string; from: string; to: string }> = [
  { file: 'data/catalog', from: 'Stackato', to: `Stackato ${SCRIPT_PAYLOAD}` },
  { file: 'data/catalog', from: 'Apache', to: `Apache ${BREAKOUT_PAYLOAD}` },
  { file: 'data/catalog', from: 'Orchestration', to: `Orchestration ${SCRIPT_PAYLOAD}` },
  { file: 'data/runs/netns-2026-12/manifest.json', from: 'cpu', to: `AMD EPYC ${BREAKOUT_PAYLOAD}` },
  { file: 'data/runs/netns-2026-12/manifest.json', from: 'tool', to: `iperf 2.1.8 ${SCRIPT_PAYLOAD}` },
  { file: 'data/runs/netns-2026-12/manifest.json', from: 'os', to: `Debian ${BREAKOUT_PAYLOAD}` },
];

/** A tool description with both payloads, which tools.csv and tools.json must carry unchanged. */
export const HOSTILE_DESCRIPTION = `${BREAKOUT_PAYLOAD} keeps long-running services up ${SCRIPT_PAYLOAD}`;
const DESCRIBED_TOOL = 'Marathon';

/**
 * Injects the hostile strings into copies of the catalog and of the default run's manifest.
 * Every catalog string equal to a `from` value is replaced, so references to a renamed tool
 * still resolve. The manifest fields named by `from` are overwritten, and one tool gets
 * HOSTILE_DESCRIPTION.
 */
export async function injectHostileData(copy: ProjectCopy, source: string): Promise<void> {
  const catalogEdits = HOSTILE_EDITS.filter((edit) => edit.file === 'data/catalog');
  const catalogDir = path.join(source, 'data/catalog');
  for (const name of (await readdir(catalogDir)).filter((n) => n.endsWith('.yaml'))) {
    const document = parseDocument(await readFile(path.join(catalogDir, name), 'utf8'));
    visit(document, {
      Map(_, map) {
        if (map.get('name') === DESCRIBED_TOOL && map.has('description')) map.set('description', HOSTILE_DESCRIPTION);
      },
      Scalar(_, scalar) {
        const edit = catalogEdits.find((e) => e.from === scalar.value);
        if (edit) scalar.value = edit.to;
      },
    });
    await copy.writeFile(`data/catalog/${name}`, document.toString());
  }

  for (const file of new Set(HOSTILE_EDITS.filter((e) => e.file.endsWith('.json')).map((e) => e.file))) {
    const manifest = JSON.parse(await readFile(path.join(source, file), 'utf8')) as Record<string, unknown>;
    for (const edit of HOSTILE_EDITS.filter((e) => e.file === file)) manifest[edit.from] = edit.to;
    await copy.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

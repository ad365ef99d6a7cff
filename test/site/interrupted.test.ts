import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { isInputError } from '../../scripts/errors.ts';
import { createMemoryLogger } from '../../scripts/log.ts';
import { build } from '../../scripts/site/build.ts';
import { ROOT, tempProject } from './temp-project.ts';

const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// A process id far above Linux's default pid_max (4194304), so no process has it.
const GONE_PID = 99_999_999;

describe('build after an interruption', () => {
  it('removes staging folders of builds that were killed', async () => {
    const root = tempProject(['runs']);
    roots.push(root);
    symlinkSync(path.join(ROOT, 'data/runs/netns-2026-12'), path.join(root, 'data/runs/netns-2026-12'));
    const abandoned = path.join(root, `_site.staging-${GONE_PID}`);
    mkdirSync(abandoned);
    writeFileSync(path.join(abandoned, 'index.html'), 'half-written');
    const log = createMemoryLogger();

    await build({ root, out: '_site', pathPrefix: '/', pdf: false }, log);

    expect(existsSync(abandoned)).toBe(false);
    expect(log.lines).toContain(`removed _site.staging-${GONE_PID}, left by an interrupted build`);
  });

  it('reports a broken link in data/runs', async () => {
    const root = tempProject(['runs']);
    roots.push(root);
    symlinkSync(path.join(ROOT, 'data/runs/netns-2026-12'), path.join(root, 'data/runs/netns-2026-12'));
    symlinkSync(path.join(root, 'no-such-run'), path.join(root, 'data/runs/gone'));

    const failure = await build({ root, out: '_site', pathPrefix: '/', pdf: false }, createMemoryLogger()).catch((e: unknown) => e);

    expect(isInputError(failure)).toBe(true);
    const problems = isInputError(failure) ? failure.problems : [];
    expect(problems.map((p) => [path.basename(p.file), p.message])).toEqual([['gone', 'broken symbolic link: its target does not exist']]);
  });
});

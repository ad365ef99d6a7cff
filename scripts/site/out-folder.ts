import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { UsageError, isEnoent } from '../errors.ts';

/** Folders of the project that a build reads or depends on. Replacing one would delete its files. */
const PROJECT_FOLDERS = ['content', 'templates', 'data', 'scripts', 'test', 'node_modules', '.git', '.cache'];

/**
 * Rejects a `--out` folder that a build must not replace. A build deletes the previous output
 * folder once the new one is ready, so `--out .`, `--out content` or `--out ~/docs` would delete
 * the project, its inputs or unrelated files. Allowed: a missing or empty folder, or one that
 * holds a built site (an index.html at its top) outside the project's own folders.
 */
export async function checkOutFolder(root: string, out: string): Promise<void> {
  const project = path.resolve(root);
  const target = path.resolve(project, out);
  if (contains(target, project)) {
    throw new UsageError(`--out ${out} would replace the project folder ${project}; choose a folder inside it such as _site`);
  }
  const input = PROJECT_FOLDERS.find((folder) => contains(path.join(project, folder), target));
  if (input) throw new UsageError(`--out ${out} is inside the project's ${input}/ folder, which a build would delete; choose another folder such as _site`);
  await checkExisting(out, target);
}

async function checkExisting(out: string, target: string): Promise<void> {
  let entries: string[];
  try {
    if (!(await stat(target)).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder; choose a folder such as _site`);
    entries = await readdir(target);
  } catch (error) {
    if (isEnoent(error)) return;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new UsageError(`--out ${out}: part of that path is a file, not a folder; choose a folder such as _site`);
    }
    throw error;
  }
  if (entries.length > 0 && !entries.includes('index.html')) {
    throw new UsageError(`--out ${out} contains files but no built site (index.html is missing), and a build would delete them; remove the folder or choose another`);
  }
}

/** True when `inner` is `outer` or a path below it. */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

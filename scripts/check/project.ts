import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Entries of the project root that a build reads; the output, .cache/ and .git stay behind. */
const PROJECT_ENTRIES = ['content', 'templates', 'scripts', 'data', 'node_modules', '.eleventy.js', 'package.json'];

/**
 * A temporary project root whose entries are symlinks to a real one, so a build there reads the
 * real inputs but writes its own output and its own .cache/. Files can be replaced or added
 * below it without touching the real project.
 */
export class ProjectCopy {
  readonly root: string;
  readonly #source: string;

  private constructor(root: string, source: string) {
    this.root = root;
    this.#source = source;
  }

  static async create(source: string, prefix = 'netnotes-check-'): Promise<ProjectCopy> {
    const root = await mkdtemp(path.join(os.tmpdir(), prefix));
    for (const entry of PROJECT_ENTRIES) await symlink(path.join(source, entry), path.join(root, entry));
    return new ProjectCopy(root, source);
  }

  /** Writes `contents` at `relative` (e.g. "data/catalog/tools.yaml"), replacing the linked file. */
  async writeFile(relative: string, contents: string | Uint8Array): Promise<string> {
    const target = path.join(this.root, relative);
    await this.ownFolder(path.dirname(relative));
    await rm(target, { force: true });
    await writeFile(target, contents);
    return target;
  }

  /**
   * Turns the linked folder at `relative` and each folder above it into a real folder of links
   * to the source's entries, so files can be changed or added inside it.
   */
  async ownFolder(relative: string): Promise<string> {
    let current = '';
    for (const part of relative.split(/[\\/]/).filter(Boolean)) {
      current = path.join(current, part);
      const folder = path.join(this.root, current);
      const stats = await lstat(folder).catch(() => undefined);
      if (stats?.isDirectory()) continue;

      await rm(folder, { force: true });
      await mkdir(folder);
      const real = path.join(this.#source, current);
      const children = await readdir(real).catch(() => [] as string[]);
      for (const child of children) await symlink(path.join(real, child), path.join(folder, child));
    }
    return path.join(this.root, relative);
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

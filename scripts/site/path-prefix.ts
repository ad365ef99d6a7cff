import { UsageError } from '../errors.ts';

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Normalises `--pathprefix` to the form the build uses throughout, a leading and a trailing
 * slash ("blog" and "/blog" become "/blog/"), and rejects what cannot be a URL path.
 */
export function normalisePathPrefix(value: string): string {
  const segments = value.split('/').filter((segment) => segment !== '');
  const invalid = segments.find((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..');
  if (invalid !== undefined) {
    throw new UsageError(`invalid --pathprefix ${value}: expected a URL path such as /blog/, made of letters, digits, ".", "_", "~" and "-"`);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

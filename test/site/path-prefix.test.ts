import { describe, expect, it } from 'vitest';

import { UsageError } from '../../scripts/errors.ts';
import { normalisePathPrefix } from '../../scripts/site/path-prefix.ts';

describe('--pathprefix', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['blog', '/blog/'],
    ['/blog', '/blog/'],
    ['blog/', '/blog/'],
    ['//docs//blog//', '/docs/blog/'],
  ])('reads %j as %j', (given, expected) => {
    expect(normalisePathPrefix(given)).toBe(expected);
  });

  it.each(['../up', 'a b', 'http://example.org/', '/blog/./x'])('rejects %j', (given) => {
    expect(() => normalisePathPrefix(given)).toThrow(UsageError);
  });
});

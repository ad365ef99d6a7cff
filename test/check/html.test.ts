import { describe, expect, it } from 'vitest';

import { decodeEntities, startTags } from '../../scripts/check/html.ts';

describe('startTags', () => {
  it('finds tags with attributes and positions', () => {
    const tags = startTags('<p>\n  <a href="/x/?a=1&amp;b=2" class=link>x</a> <img src=\'y.png\' alt></p>');
    expect(tags.map((t) => t.name)).toEqual(['p', 'a', 'img']);
    expect(tags[1].attributes.get('href')).toBe('/x/?a=1&b=2');
    expect(tags[1].attributes.get('class')).toBe('link');
    expect(tags[1].line).toBe(2);
    expect(tags[1].column).toBe(3);
    expect(tags[2].attributes.get('src')).toBe('y.png');
    expect(tags[2].attributes.get('alt')).toBe('');
  });

  it('skips comments, scripts and closing tags', () => {
    const tags = startTags('<!-- <a href="/c/"> --><script>if (a<b) x = "<a href=\'/s/\'>";</script><style>a>b{}</style></div><em>');
    expect(tags.map((t) => t.name)).toEqual(['script', 'style', 'em']);
  });

  it('reads attributes containing a > inside quotes', () => {
    const tags = startTags('<a title="1 > 0" href="/z/">z</a>');
    expect(tags[0].attributes.get('href')).toBe('/z/');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('&lt;b&gt; &#65;&#x42; &quot;&amp;&unknown;')).toBe('<b> AB "&&unknown;');
  });
});

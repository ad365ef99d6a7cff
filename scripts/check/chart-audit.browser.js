// Runs inside a page of the built site (page.evaluate) and lists every chart, meaning every
// <figure> with an inline SVG, with what it lacks. Plain JavaScript, because tsx would add
// helpers to a TypeScript function that do not exist in the page.
(() => {
  const textOf = (ids) =>
    (ids || '')
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .map((element) => (element ? element.textContent.trim() : ''))
      .join(' ')
      .trim();
  const childText = (svg, name) => {
    const child = [...svg.children].find((element) => element.localName === name);
    return child ? child.textContent.trim() : '';
  };
  const linksToTable = (link) => {
    const href = link.getAttribute('href') || '';
    if (/\.csv(?:[?#]|$)/i.test(href)) return true;
    if (!href.startsWith('#')) return false;
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    return Boolean(target && (target.localName === 'table' || target.querySelector('table')));
  };

  const charts = [...document.querySelectorAll('figure')].filter((figure) => figure.querySelector('svg'));
  return charts.map((figure, index) => {
    const svg = figure.querySelector('svg');
    const caption = figure.querySelector('figcaption');
    const title = childText(svg, 'title') || (svg.getAttribute('aria-label') || '').trim() || textOf(svg.getAttribute('aria-labelledby'));
    const description = childText(svg, 'desc') || textOf(svg.getAttribute('aria-describedby')) || (caption ? caption.textContent.trim() : '');
    const hasTable = Boolean(figure.querySelector('table')) || [...figure.querySelectorAll('a[href]')].some(linksToTable);

    const missing = [];
    if (!title) missing.push('has no title: add a <title> to the SVG, or aria-label or aria-labelledby');
    if (!description) missing.push('has no description: add a <desc> to the SVG, aria-describedby or a <figcaption>');
    if (!hasTable) missing.push('does not offer its data as a table: put a <table> in the figure, or link from the figure to one or to a CSV file');
    return { chart: figure.id ? `#${figure.id}` : `figure ${index + 1}`, missing };
  });
})()

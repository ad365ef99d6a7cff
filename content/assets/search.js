// Starts Pagefind's search UI in #search and runs the query from ?q=, which the header's search form sends.
const container = document.getElementById('search');
if (container && 'PagefindUI' in window) {
  const ui = new window.PagefindUI({
    element: '#search',
    bundlePath: container.dataset.bundlePath,
    // Result URLs are relative to the site root, which is a sub-path under --pathprefix.
    baseUrl: container.dataset.baseUrl,
    showSubResults: true,
    showImages: false,
  });
  // Pagefind's input has only a title, so an aria-label gives it an accessible name of its own.
  container.querySelector('input')?.setAttribute('aria-label', 'Search the site');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}

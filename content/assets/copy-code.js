// Adds a "Copy" button to each code block. Without JavaScript, or where the Clipboard API is
// missing (it needs https or localhost), the blocks stay as they are and can be selected by hand.
if (navigator.clipboard) {
  for (const pre of document.querySelectorAll('pre[class*="language-"], pre:has(> code)')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.innerText.trimEnd());
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(button, pre);
  }
}

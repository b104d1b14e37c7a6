// Runs in <head>, before the page paints: applies the reader's saved colour scheme (no flash of the
// wrong theme) and tells the CSS that JavaScript is available.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var saved = localStorage.getItem('ladderpress-theme');
    if (saved === 'dark' || saved === 'light') root.setAttribute('data-theme', saved);
  } catch (e) {
    // Storage can be disabled (private windows, file:// in some browsers): follow the system.
  }
})();

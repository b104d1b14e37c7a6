// The site's behaviour: dark-mode toggle, the mobile menu, search and the compare picker.
// No inline scripts anywhere, so a strict Content-Security-Policy works; everything here is an
// enhancement and the pages read fine without it.
(function () {
  'use strict';
  var script = document.currentScript;
  // Every URL the search index holds is relative to the site root, i.e. to this script's folder's parent.
  var assetsUrl = new URL('.', script.src);
  var rootUrl = new URL('..', assetsUrl);

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  ready(function () {
    setUpTheme();
    setUpMenu();
    setUpSearch();
    setUpComparePicker();
    setUpTocHighlight();
    setUpTableScroll();
  });

  // ---- wide tables: a fade on the side that has more to scroll to ------------------------------
  function setUpTableScroll() {
    var regions = document.querySelectorAll('.table-scroll');
    if (regions.length === 0) return;
    function mark(region) {
      var more = region.scrollWidth - region.clientWidth;
      var left = region.scrollLeft > 1;
      var right = more - region.scrollLeft > 1;
      var side = left && right ? 'both' : left ? 'start' : right ? 'end' : '';
      if (side) region.setAttribute('data-more', side);
      else region.removeAttribute('data-more');
    }
    regions.forEach(function (region) {
      mark(region);
      region.addEventListener(
        'scroll',
        function () {
          mark(region);
        },
        { passive: true },
      );
    });
    window.addEventListener('resize', function () {
      regions.forEach(mark);
    });
  }

  // ---- table of contents: highlight the section being read ----------------------------------
  function setUpTocHighlight() {
    var links = document.querySelectorAll('.toc-aside a[href^="#"]');
    if (links.length === 0 || !('IntersectionObserver' in window)) return;
    var byId = {};
    var headings = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var heading = document.getElementById(id);
      if (heading) {
        byId[id] = link;
        headings.push(heading);
      }
    });
    var current = null;
    function activate(id) {
      if (current) current.classList.remove('active');
      current = byId[id] || null;
      if (current) current.classList.add('active');
    }
    var observer = new IntersectionObserver(
      function () {
        // The last heading above the upper third of the screen is the section being read.
        var line = window.innerHeight / 3;
        var active = headings[0];
        headings.forEach(function (heading) {
          if (heading.getBoundingClientRect().top < line) active = heading;
        });
        activate(active.id);
      },
      { rootMargin: '0px 0px -66% 0px', threshold: [0, 1] },
    );
    headings.forEach(function (heading) {
      observer.observe(heading);
    });
  }

  // ---- dark mode -------------------------------------------------------------------------------
  function setUpTheme() {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    var root = document.documentElement;
    var media = window.matchMedia('(prefers-color-scheme: dark)');
    function isDark() {
      var chosen = root.getAttribute('data-theme');
      return chosen ? chosen === 'dark' : media.matches;
    }
    function sync() {
      button.setAttribute('aria-pressed', String(isDark()));
    }
    button.hidden = false;
    sync();
    media.addEventListener('change', sync);
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        localStorage.setItem('ladderpress-theme', next);
      } catch (e) {
        // Not remembered, but still applied to this page.
      }
      sync();
    });
  }

  // ---- mobile menu -----------------------------------------------------------------------------
  function setUpMenu() {
    var button = document.querySelector('.nav-toggle');
    var sidebar = document.getElementById('sidebar');
    if (!button || !sidebar) return;
    button.hidden = false;
    function set(open) {
      button.setAttribute('aria-expanded', String(open));
      document.body.classList.toggle('nav-open', open);
    }
    button.addEventListener('click', function () {
      set(button.getAttribute('aria-expanded') !== 'true');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
        set(false);
        button.focus();
      }
    });
  }

  // ---- search ----------------------------------------------------------------------------------
  // The index is a script (assets/search-index.js), not JSON: browsers refuse fetch() on file://
  // but still load <script src>. Both scripts load on first use, so pages stay light.
  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement('script');
      element.src = new URL(name, assetsUrl).href;
      element.onload = resolve;
      element.onerror = function () {
        reject(new Error('could not load ' + name));
      };
      document.head.appendChild(element);
    });
  }

  var searchEngine = null;
  function engine() {
    if (!searchEngine) {
      searchEngine = loadScript('minisearch.js')
        .then(function () {
          return loadScript('search-index.js');
        })
        .then(function () {
          var rows = window.LADDERPRESS_SEARCH.rows;
          var search = new window.MiniSearch({
            fields: ['page', 'heading', 'facets', 'text'],
            storeFields: ['url', 'page', 'heading', 'facets', 'text'],
            searchOptions: { boost: { page: 4, heading: 3, facets: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
          });
          search.addAll(
            rows.map(function (row, index) {
              return { id: index, url: row[0], page: row[1], heading: row[2], facets: row[3], text: row[4] };
            }),
          );
          return search;
        });
    }
    return searchEngine;
  }

  var MAX_HITS = 10;
  var MAX_PER_PAGE = 3;
  var SNIPPET_BEFORE = 40;
  var SNIPPET_LENGTH = 150;

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  // The words a hit matched, at the start of a word, longest first so "budgeting" wins over "budget".
  function termPattern(terms) {
    var sorted = terms.slice().sort(function (a, b) {
      return b.length - a.length;
    });
    return new RegExp('(?<![\\p{L}\\p{N}])(?:' + sorted.map(escapeRegExp).join('|') + ')', 'giu');
  }

  // A window of the section's text around its first match, cut at word boundaries.
  function snippetText(text, pattern) {
    pattern.lastIndex = 0;
    var match = pattern.exec(text);
    if (!match) return null;
    var start = Math.max(0, match.index - SNIPPET_BEFORE);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) end = text.lastIndexOf(' ', end) > match.index ? text.lastIndexOf(' ', end) : end;
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  // Text with every match in a <mark>, built from text nodes so content never becomes markup.
  function highlighted(text, pattern) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    pattern.lastIndex = 0;
    var match;
    while ((match = pattern.exec(text))) {
      if (match[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement('mark');
      mark.textContent = match[0];
      fragment.appendChild(mark);
      last = match.index + match[0].length;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  // Hits in score order, gathered under their page (the page's place is its best hit's place).
  function groupByPage(hits) {
    var groups = [];
    var byPage = {};
    var shown = 0;
    hits.forEach(function (hit) {
      if (shown >= MAX_HITS) return;
      var page = hit.url.split('#')[0];
      var group = byPage[page];
      if (!group) {
        group = byPage[page] = { page: page, title: hit.page, hits: [] };
        groups.push(group);
      }
      if (group.hits.length >= MAX_PER_PAGE) return;
      group.hits.push(hit);
      shown++;
    });
    return { groups: groups, shown: shown };
  }

  function hitLink(hit, pattern) {
    var link = document.createElement('a');
    link.href = new URL(hit.url, rootUrl).href;
    var section = document.createElement('span');
    section.className = 'search-hit-section';
    section.appendChild(highlighted(hit.heading || hit.page, pattern));
    link.appendChild(section);
    var snippet = snippetText(hit.text, pattern) || snippetText(hit.facets, pattern);
    if (snippet) {
      var excerpt = document.createElement('span');
      excerpt.className = 'search-hit-snippet';
      excerpt.appendChild(highlighted(snippet, pattern));
      link.appendChild(excerpt);
    }
    return link;
  }

  function setUpSearch() {
    var form = document.querySelector('.search');
    if (!form) return;
    var input = form.querySelector('.search-input');
    var results = form.querySelector('.search-results');
    var status = document.getElementById('search-status');
    form.hidden = false;
    var active = -1;

    function links() {
      return results.querySelectorAll('a');
    }
    function close() {
      results.hidden = true;
      document.body.classList.remove('search-open');
      active = -1;
    }
    function show(query) {
      if (query.trim().length < 2) {
        close();
        status.textContent = '';
        return;
      }
      engine().then(function (search) {
        if (input.value !== query) return;
        var found = groupByPage(search.search(query));
        results.textContent = '';
        found.groups.forEach(function (group) {
          var section = document.createElement('section');
          section.className = 'search-group';
          var title = document.createElement('p');
          title.className = 'search-hit-page';
          title.textContent = group.title;
          section.appendChild(title);
          var list = document.createElement('ul');
          group.hits.forEach(function (hit) {
            var pattern = termPattern(hit.terms.concat(hit.queryTerms || []));
            var item = document.createElement('li');
            item.appendChild(hitLink(hit, pattern));
            list.appendChild(item);
          });
          section.appendChild(list);
          results.appendChild(section);
        });
        if (found.shown === 0) {
          var empty = document.createElement('p');
          empty.className = 'search-empty';
          empty.textContent = 'No results for “' + query + '”';
          results.appendChild(empty);
        }
        status.textContent = found.shown === 1 ? '1 result' : found.shown + ' results';
        results.hidden = false;
        document.body.classList.add('search-open');
        active = -1;
      }).catch(function () {
        status.textContent = 'Search is not available';
      });
    }

    input.addEventListener('focus', function () {
      engine();
    });
    input.addEventListener('input', function () {
      show(input.value);
    });
    input.addEventListener('keydown', function (event) {
      var items = links();
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (items.length === 0) return;
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[active].focus();
      } else if (event.key === 'Escape') {
        close();
      }
    });
    results.addEventListener('keydown', function (event) {
      var items = links();
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[active].focus();
      } else if (event.key === 'Escape') {
        close();
        input.focus();
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) window.location.href = first.href;
      // Nothing to open yet (on a phone the closed box is only its magnifier): the tap opens the box.
      else input.focus();
    });
    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) close();
    });
    // "/" (outside a text field) and Ctrl-K / Cmd-K jump to search, as on most documentation sites.
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      var slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      var commandK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  // ---- compare picker --------------------------------------------------------------------------
  function setUpComparePicker() {
    var picker = document.querySelector('.compare-picker');
    if (!picker) return;
    var first = picker.querySelector('[name=a]');
    var second = picker.querySelector('[name=b]');
    var params = new URLSearchParams(window.location.search);
    function choose(select, value) {
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
    }
    choose(first, params.get('a'));
    choose(second, params.get('b'));
    function apply() {
      var shown = [first.value, second.value];
      document.querySelectorAll('.compare-table [data-level]').forEach(function (cell) {
        cell.hidden = shown.indexOf(cell.getAttribute('data-level')) === -1;
      });
      document.querySelector('.compare-table').classList.add('compare-two');
      showPairLink();
    }
    // "What changes" lives on the page of the pair, lower level first; only neighbours have one
    // when the ladder is too long for a page per pair.
    var pairLink = document.querySelector('.compare-delta-link');
    function showPairLink() {
      if (!pairLink) return;
      var i = first.selectedIndex;
      var j = second.selectedIndex;
      var lower = first.options[Math.min(i, j)];
      var upper = first.options[Math.max(i, j)];
      var exists = i !== j && (pairLink.getAttribute('data-all-pairs') === 'true' || Math.abs(i - j) === 1);
      pairLink.hidden = !exists;
      if (!exists) return;
      var link = pairLink.querySelector('a');
      link.href = pairLink.getAttribute('data-pair-url').replace('{a}', encodeURIComponent(lower.value)).replace('{b}', encodeURIComponent(upper.value));
      link.textContent = 'What changes from ' + lower.textContent + ' to ' + upper.textContent;
    }
    apply();
    first.addEventListener('change', apply);
    second.addEventListener('change', apply);
    picker.addEventListener('submit', function (event) {
      event.preventDefault();
      apply();
      var url = new URL(window.location.href);
      url.searchParams.set('a', first.value);
      url.searchParams.set('b', second.value);
      try {
        history.replaceState(null, '', url.href);
      } catch (e) {
        // Some browsers refuse to rewrite file:// URLs; the comparison is shown all the same.
      }
    });
  }
})();

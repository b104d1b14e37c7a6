/*
 * The self-assessment page (assess/<level>.html): answers live only in the URL fragment, so a link
 * holds them, works from file:// and any host, and nothing is stored anywhere else.
 *
 * Fragment format, version 1:  #v1.<base64url of UTF-8 text, no padding>
 * The text is one record per answered row, separated by "\n":
 *   <key: 4 characters [A-Za-z0-9_-]> <answer: 0 none, 1 not yet, 2 sometimes, 3 consistently> <note>
 * The key is a hash of the row's facet and text (made at build time, in the fieldset's data-key),
 * so an answer whose expectation was reworded or removed is left out and a new row starts empty.
 * Reading is forgiving item by item: base64 is decoded in 4-character blocks, so a hand edit damages
 * only the records it touches; those are skipped and the page says how many.
 */
(() => {
  'use strict';

  const VERSION = 'v1.';
  const NOTE_MAX = 200;
  const form = document.getElementById('assess-form');
  if (!form) return;
  const items = [...form.querySelectorAll('fieldset[data-key]')];
  const byKey = new Map(items.map((item) => [item.dataset.key, item]));
  const message = document.getElementById('assess-message');
  const overall = document.getElementById('assess-overall');
  const actions = document.querySelector('.assess-actions');
  const copied = document.querySelector('.assess-copied');
  let written = location.hash;

  // ---- base64url ----------------------------------------------------------------------------------
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function encode(bytes) {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** A block with a character outside the alphabet becomes 0xFF bytes: invalid UTF-8, so the records it touches fail to read. */
  function decode(text) {
    const bytes = [];
    for (let at = 0; at < text.length; at += 4) {
      const block = text.slice(at, at + 4);
      const values = [...block].map((char) => ALPHABET.indexOf(char));
      const size = block.length - 1;
      if (size < 1 || values.includes(-1)) {
        for (let i = 0; i < Math.max(size, 1); i += 1) bytes.push(0xff);
        continue;
      }
      const bits = values.reduce((sum, value, i) => sum | (value << (18 - 6 * i)), 0);
      for (let i = 0; i < size; i += 1) bytes.push((bits >> (16 - 8 * i)) & 0xff);
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }

  // ---- state <-> form -----------------------------------------------------------------------------
  function cleanNote(text) {
    return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, NOTE_MAX);
  }

  function readForm() {
    const records = [];
    for (const item of items) {
      const checked = item.querySelector('input[type="radio"]:checked');
      const answer = checked ? checked.value : '0';
      const note = cleanNote(item.querySelector('input[type="text"]').value);
      if (answer !== '0' || note) records.push(item.dataset.key + answer + note);
    }
    return records;
  }

  /** Parses a fragment into answers by key, counting what it had to leave out. */
  function parse(hash) {
    const result = { answers: new Map(), stale: 0, unreadable: 0, newer: false };
    const fragment = hash.replace(/^#/, '');
    if (!/^v\d+\./.test(fragment)) return result; // an ordinary anchor, not saved answers
    if (!fragment.startsWith(VERSION)) {
      result.newer = true;
      return result;
    }
    const text = decode(fragment.slice(VERSION.length));
    for (const record of text.split('\n')) {
      if (record === '') continue;
      const match = /^([A-Za-z0-9_-]{4})([0-3])([^\u0000-\u001f\u007f\ufffd]*)$/.exec(record);
      const note = match ? cleanNote(match[3]) : '';
      if (!match || (match[2] === '0' && !note) || result.answers.has(match[1])) {
        result.unreadable += 1;
      } else if (!byKey.has(match[1])) {
        result.stale += 1;
      } else {
        result.answers.set(match[1], { answer: match[2], note });
      }
    }
    return result;
  }

  /** Empties every answer and note (the rows sit in no <form>: nothing is ever submitted). */
  function clear() {
    for (const input of form.querySelectorAll('input')) {
      if (input.type === 'radio') input.checked = false;
      else input.value = '';
    }
  }

  function apply(parsed) {
    clear();
    for (const [key, { answer, note }] of parsed.answers) {
      const item = byKey.get(key);
      const radio = item.querySelector(`input[type="radio"][value="${answer}"]`);
      if (radio) radio.checked = true;
      item.querySelector('input[type="text"]').value = note;
    }
    const notes = [];
    if (parsed.newer) notes.push('This link was made by a newer version of this page, so its answers could not be read.');
    if (parsed.stale > 0) notes.push(`${plural(parsed.stale, 'answer')} in this link ${parsed.stale === 1 ? 'was' : 'were'} for expectations this page no longer lists, and ${parsed.stale === 1 ? 'was' : 'were'} left out.`);
    if (parsed.unreadable > 0) notes.push(`${plural(parsed.unreadable, 'part')} of this link could not be read and ${parsed.unreadable === 1 ? 'was' : 'were'} skipped; the other answers are shown.`);
    message.textContent = notes.join(' ');
    message.hidden = notes.length === 0;
  }

  function save() {
    const records = readForm();
    const hash = records.length > 0 ? `#${VERSION}${encode(new TextEncoder().encode(records.join('\n')))}` : '';
    written = hash;
    const url = location.href.replace(/#.*$/, '') + hash;
    try {
      history.replaceState(history.state, '', url);
    } catch {
      location.replace(hash || '#');
    }
  }

  // ---- summary ------------------------------------------------------------------------------------
  function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
  }

  function countIn(fieldsets) {
    const counts = { 0: 0, 1: 0, 2: 0, 3: 0 };
    for (const item of fieldsets) {
      const checked = item.querySelector('input[type="radio"]:checked');
      counts[checked ? checked.value : '0'] += 1;
    }
    return counts;
  }

  function fillRow(row, counts, size) {
    for (const cell of row.querySelectorAll('[data-count]')) cell.textContent = String(counts[cell.dataset.count]);
    for (const value of ['1', '2', '3']) {
      const bar = row.querySelector(`.assess-bar-${value}`);
      if (bar) bar.style.width = `${size ? (100 * counts[value]) / size : 0}%`;
    }
  }

  function summarise() {
    for (const row of document.querySelectorAll('.assess-summary-table tbody tr[data-group]')) {
      const group = form.querySelector(`.assess-group[data-group="${row.dataset.group}"]`);
      const fieldsets = group ? [...group.querySelectorAll('fieldset[data-key]')] : [];
      fillRow(row, countIn(fieldsets), fieldsets.length);
    }
    const all = countIn(items);
    const total = document.querySelector('.assess-summary-table tfoot tr');
    if (total) fillRow(total, all, items.length);
    const answered = items.length - all[0];
    overall.textContent =
      answered === 0
        ? `0 of ${items.length} expectations answered.`
        : `${answered} of ${items.length} expectations answered: ${all[3]} consistently, ${all[2]} sometimes, ${all[1]} not yet.`;
    for (const item of items) {
      const note = item.querySelector('input[type="text"]').value.trim();
      const printed = item.querySelector('.assess-note-print');
      printed.textContent = note ? `Note: ${note}` : '';
      printed.hidden = !note;
    }
  }

  // ---- events -------------------------------------------------------------------------------------
  form.addEventListener('input', () => {
    save();
    summarise();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === written || !/^#v\d+\./.test(location.hash)) return;
    written = location.hash;
    apply(parse(location.hash));
    summarise();
  });
  // Summary links scroll without touching the fragment, which holds the answers.
  document.querySelector('.assess-summary-table').addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    const group = target.closest('.assess-group') || target;
    group.scrollIntoView({ block: 'start' });
    const first = group.querySelector('input');
    if (first) first.focus({ preventScroll: true });
  });
  actions.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'print') window.print();
    if (action === 'clear' && window.confirm('Clear every answer and note on this page?')) {
      clear();
      save();
      summarise();
      message.hidden = true;
    }
    if (action === 'copy') copied.textContent = (await copyText(location.href)) ? 'Link copied.' : 'Copy the address from the address bar.';
  });

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'sr-only';
      document.body.append(area);
      area.select();
      const done = document.execCommand('copy');
      area.remove();
      return done;
    }
  }

  apply(parse(location.hash));
  summarise();
  actions.hidden = false;
})();

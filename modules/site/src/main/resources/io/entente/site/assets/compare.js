/* Entente compare page: the precomputed comparisons of data/compare.js (entente compare's figures), and two
   papers side by side from the index. Report text reaches the page through textContent only. */
(function () {
  'use strict';
  var E = window.ENTENTE || {};
  var I = E.index;
  var C = E.compare || [];

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); } });
    (kids || []).forEach(function (k) { e.appendChild(typeof k === 'string' ? document.createTextNode(k) : k); });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function clear(n) { while (n.firstChild) { n.removeChild(n.firstChild); } return n; }
  function pct(v) { return v == null ? '–' : (100 * v).toFixed(1); }
  function p3(v) { return v == null ? '–' : (v < 0.001 ? '<0.001' : v.toFixed(3)); }
  function sym(pol) { return pol === 'driver' ? '▲ ' : pol === 'obstacle' ? '▼ ' : ''; }

  function table(id, head, rows) {
    var t = el('table', { id: id });
    t.appendChild(el('thead', {}, [el('tr', {}, head.map(function (h, i) { return el('th', { scope: 'col', 'class': i ? 'num' : '', text: h }); }))]));
    var b = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr', r.sig ? { 'class': 'sig' } : {});
      r.cells.forEach(function (c, i) { tr.appendChild(el(i ? 'td' : 'th', i ? { 'class': 'num', text: c } : { scope: 'row', text: c })); });
      b.appendChild(tr);
    });
    t.appendChild(b);
    return t;
  }
  function diffRows(list, label) {
    return list.map(function (x) {
      return { sig: x.significant, cells: [label(x), pct(x.shareA), pct(x.shareB), pct(x.difference) + ' [' + pct(x.ciLow) + ', ' + pct(x.ciHigh) + ']',
        p3(x.pAdjusted), x.significant ? '★ significant' : 'no'] };
    });
  }
  function load(src, done) {
    var s = document.createElement('script');
    s.src = src;
    s.onload = done;
    document.head.appendChild(s);
  }
  function showComparison(i) {
    var box = clear($('c-result'));
    var entry = C[i];
    if (!entry) { box.appendChild(el('p', { text: 'No comparison: the corpus needs dated documents from two years or more, or two tags.' })); ready(); return; }
    if (!E.comparisons || !E.comparisons[entry.label]) {
      box.appendChild(el('p', { text: 'Loading…' }));
      load(entry.file, function () { showComparison(i); });
      return;
    }
    var c = E.comparisons[entry.label];
    if (c.error) { box.appendChild(el('p', { text: c.error })); ready(); return; }
    box.appendChild(el('p', { text: 'A: ' + c.a.label + ' (' + c.a.documents + ' documents); B: ' + c.b.label + ' (' + c.b.documents
      + ' documents). Unit: ' + c.unit + '. Profile similarity: themes ' + c.similarity.themes.toFixed(2) + ', countries ' + c.similarity.countries.toFixed(2) + '.' }));
    (c.warnings || []).forEach(function (w) { box.appendChild(el('p', { 'class': 'note', text: 'Note: ' + w })); });
    var head = ['', 'A (%)', 'B (%)', 'A − B (%) [95 % interval]', 'p (Holm)', 'Significant'];
    box.appendChild(el('h3', { text: 'Themes' }));
    box.appendChild(table('c-themes', ['Theme'].concat(head.slice(1)), diffRows(c.themes, function (t) { return sym(t.polarity) + t.name; })));
    box.appendChild(el('h3', { text: 'Countries' }));
    box.appendChild(table('c-countries', ['Country'].concat(head.slice(1)), diffRows(c.countries, function (t) { return t.name + ' (' + t.code + ')'; })));
    box.appendChild(el('h3', { text: 'Country pairs' }));
    box.appendChild(table('c-pairs', ['Pair'].concat(head.slice(1)), diffRows(c.pairs, function (t) { return t.name; })));
    ready();
  }
  function ready() { document.documentElement.setAttribute('data-ready', 'true'); }
  function showPapers() {
    var box = clear($('p-result'));
    var a = I.docs[+$('p-a').value], b = I.docs[+$('p-b').value];
    if (!a || !b) { return; }
    function shares(d) { var m = {}; d.v.forEach(function (v) { m[v[0]] = v[1]; }); return m; }
    var sa = shares(a), sb = shares(b);
    var rows = [];
    I.themes.forEach(function (t, i) {
      if (sa[i] == null && sb[i] == null) { return; }
      rows.push({ sig: false, cells: [sym(t.polarity) + t.name, pct(sa[i] || 0), pct(sb[i] || 0), pct((sa[i] || 0) - (sb[i] || 0))] });
    });
    box.appendChild(el('p', { 'class': 'note', text: 'Share of each paper\u2019s argument sentences carrying the theme. Two single documents cannot differ significantly (the smallest possible p is 1); use the group comparisons above, or entente compare, for tests.' }));
    box.appendChild(table('p-themes', ['Theme', 'A (%)', 'B (%)', 'A − B (%)'], rows));
  }
  C.forEach(function (c, i) { $('c-pick').appendChild(el('option', { value: String(i), text: c.label })); });
  $('c-pick').disabled = C.length === 0;
  $('c-pick').addEventListener('change', function () { showComparison(+$('c-pick').value); });
  I.docs.forEach(function (d, i) {
    var label = (d.t || d.id) + (d.d ? ' (' + d.d + ')' : '');
    $('p-a').appendChild(el('option', { value: String(i), text: label }));
    $('p-b').appendChild(el('option', { value: String(i), text: label }));
  });
  if (I.docs.length > 1) { $('p-b').value = '1'; }
  $('p-a').addEventListener('change', showPapers);
  $('p-b').addEventListener('change', showPapers);
  showPapers();
  showComparison(0);
})();

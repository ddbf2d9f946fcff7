/* Entente corpus page. Data come from data/*.js (script tags: browsers refuse fetch() on file://).
   Every piece of report text reaches the page through textContent, never as HTML. */
(function () {
  'use strict';
  var E = window.ENTENTE || {};
  var I = E.index;
  var THEMES = I.themes;
  var PAGE = 50;
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var state = { from: null, to: null, tag: '', country: '', theme: '', page: 0 };
  var chart = null;
  var isReady = false;
  // Marks the page ready once the first full render (trends included, which load their data apart) is done;
  // tests and the load-time measurement wait for it.
  function ready() {
    if (isReady) { return; }
    isReady = true;
    window.ENTENTE_READY_MS = performance.now();
    document.documentElement.setAttribute('data-ready', 'true');
  }

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (kids || []).forEach(function (k) { e.appendChild(typeof k === 'string' ? document.createTextNode(k) : k); });
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function $(id) { return document.getElementById(id); }
  function sym(t) { return t.polarity === 'driver' ? '▲' : '▼'; }
  function pct(v) { return v == null ? '–' : (100 * v).toFixed(1); }
  function themeIndex(id) { for (var i = 0; i < THEMES.length; i++) { if (THEMES[i].id === id) { return i; } } return -1; }
  function docTitle(d) { return d.t || d.id; }
  function stem(d) { return d.f || d.id; }
  function docHref(d, sentence) { return 'docs/' + encodeURIComponent(stem(d)) + '.html' + (sentence == null ? '' : '#s-' + sentence); }

  var loaded = {};
  function load(src, done) {
    if (loaded[src] === true) { done(); return; }
    if (loaded[src]) { loaded[src].push(done); return; }
    loaded[src] = [done];
    var s = document.createElement('script');
    s.src = src;
    s.onload = function () { var w = loaded[src]; loaded[src] = true; w.forEach(function (f) { f(); }); };
    s.onerror = function () { var w = loaded[src]; delete loaded[src]; console.warn('could not load ' + src); };
    document.head.appendChild(s);
  }

  // ---- filters ----
  function selected() {
    var ti = state.theme ? themeIndex(state.theme) : -1;
    var tag = state.tag.toLowerCase();
    var country = state.country ? I.codes.indexOf(state.country) : -1;
    if (state.country && country < 0) { return []; }
    return I.docs.filter(function (d) {
      if (state.from != null || state.to != null) {
        if (d.y == null) { return false; }
        if (state.from != null && d.y < state.from) { return false; }
        if (state.to != null && d.y > state.to) { return false; }
      }
      if (tag && !d.g.some(function (g) { return g.trim().toLowerCase() === tag; })) { return false; }
      if (country >= 0 && d.c.indexOf(country) < 0) { return false; }
      if (ti >= 0 && !d.v.some(function (v) { return v[0] === ti; })) { return false; }
      return true;
    });
  }
  function shownThemes() {
    return state.theme ? THEMES.filter(function (t) { return t.id === state.theme; }) : THEMES;
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.from = p.get('from') ? parseInt(p.get('from'), 10) : null;
    state.to = p.get('to') ? parseInt(p.get('to'), 10) : null;
    if (isNaN(state.from)) { state.from = null; }
    if (isNaN(state.to)) { state.to = null; }
    state.tag = p.get('tag') || '';
    state.country = p.get('country') || '';
    state.theme = themeIndex(p.get('theme') || '') >= 0 ? p.get('theme') : '';
    $('f-from').value = state.from == null ? '' : state.from;
    $('f-to').value = state.to == null ? '' : state.to;
    $('f-tag').value = state.tag;
    $('f-country').value = state.country;
    $('f-theme').value = state.theme;
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (state.from != null) { p.set('from', state.from); }
    if (state.to != null) { p.set('to', state.to); }
    ['tag', 'country', 'theme'].forEach(function (k) { if (state[k]) { p.set(k, state[k]); } });
    var h = p.toString();
    try { history.replaceState(null, '', h ? '#' + h : location.pathname); } catch (e) { /* some file:// setups refuse */ }
  }
  function setupFilters() {
    I.tags.forEach(function (t) { $('f-tag').appendChild(el('option', { value: t, text: t })); });
    Object.keys(I.countries).sort(function (a, b) { return I.countries[a].localeCompare(I.countries[b]); })
      .forEach(function (c) { $('f-country').appendChild(el('option', { value: c, text: I.countries[c] + ' (' + c + ')' })); });
    THEMES.forEach(function (t) { $('f-theme').appendChild(el('option', { value: t.id, text: sym(t) + ' ' + t.name })); });
    function changed() {
      var f = parseInt($('f-from').value, 10), t = parseInt($('f-to').value, 10);
      state.from = isNaN(f) ? null : f;
      state.to = isNaN(t) ? null : t;
      state.tag = $('f-tag').value;
      state.country = $('f-country').value;
      state.theme = $('f-theme').value;
      state.page = 0;
      writeHash();
      render();
    }
    $('filters').addEventListener('change', changed);
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); changed(); });
    $('filters').addEventListener('reset', function () { setTimeout(changed, 0); });
  }

  // ---- matrix ----
  function cellColour(t, share, max) {
    var a = max > 0 ? Math.min(1, share / max) : 0;
    var rgb = t.polarity === 'driver' ? '0,114,178' : '230,159,0';
    return 'rgba(' + rgb + ',' + (0.08 + 0.85 * a).toFixed(3) + ')';
  }
  function renderMatrix(docs) {
    var themes = shownThemes();
    var box = clear($('matrix'));
    var pages = Math.max(1, Math.ceil(docs.length / PAGE));
    if (state.page >= pages) { state.page = pages - 1; }
    var rows = docs.slice(state.page * PAGE, state.page * PAGE + PAGE);
    var max = 0;
    rows.forEach(function (d) { d.v.forEach(function (v) { if (v[1] > max) { max = v[1]; } }); });
    var table = el('table', { 'class': 'matrix', id: 'matrix-table' });
    table.appendChild(el('caption', { 'class': 'note', text: 'Documents ' + (docs.length ? state.page * PAGE + 1 : 0) + '–'
      + (state.page * PAGE + rows.length) + ' of ' + docs.length + ' × ' + themes.length + ' themes' }));
    var thead = el('thead');
    var g = el('tr', {}, [el('td')]);
    var drivers = themes.filter(function (t) { return t.polarity === 'driver'; }).length;
    if (drivers) { g.appendChild(el('th', { colspan: drivers, scope: 'colgroup', 'class': 'group driver', text: '▲ Drivers' })); }
    if (themes.length - drivers) { g.appendChild(el('th', { colspan: themes.length - drivers, scope: 'colgroup', 'class': 'group obstacle', text: '▼ Obstacles' })); }
    thead.appendChild(g);
    var h = el('tr', {}, [el('th', { scope: 'col', text: 'Document' })]);
    // The symbol stays upright above the rotated name (a rotated ▲ would read as ▼).
    themes.forEach(function (t) {
      h.appendChild(el('th', { scope: 'col', 'class': 'theme ' + t.polarity, title: t.id }, [el('span', { 'class': 'sym', 'aria-hidden': 'true', text: sym(t) }),
        el('span', { 'class': 'name', text: t.name }), el('span', { 'class': 'vh', text: t.polarity === 'driver' ? ' (driver)' : ' (obstacle)' })]));
    });
    thead.appendChild(h);
    table.appendChild(thead);
    var tbody = el('tbody');
    var first = true;
    rows.forEach(function (d, r) {
      var shares = {};
      d.v.forEach(function (v) { shares[v[0]] = v; });
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row', 'class': 'doc' }, [el('a', { href: docHref(d), text: docTitle(d) }),
        ' ', el('small', { text: d.d || 'undated' })]));
      themes.forEach(function (t, c) {
        var v = shares[themeIndex(t.id)];
        if (!v) { tr.appendChild(el('td', { 'class': 'empty', text: '·' })); return; }
        var b = el('button', { type: 'button', 'class': 'cell', 'data-doc': d.id, 'data-theme': t.id, 'data-row': r, 'data-col': c,
          tabindex: first ? '0' : '-1', 'aria-label': docTitle(d) + ', ' + t.name + ' (' + t.polarity + '): ' + pct(v[1])
            + ' % of sentences, ' + v[2] + (v[2] === 1 ? ' sentence' : ' sentences'), text: pct(v[1]) });
        first = false;
        b.style.backgroundColor = cellColour(t, v[1], max);
        if (v[1] / (max || 1) > 0.6) { b.style.color = '#fff'; }
        var td = el('td', {}, [b]);
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(el('div', { 'class': 'matrix-wrap' }, [table]));
    var pager = clear($('pager'));
    pager.className = 'pager';
    var prev = el('button', { type: 'button', text: '← previous' });
    var next = el('button', { type: 'button', text: 'next →' });
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', function () { state.page--; renderMatrix(docs); });
    next.addEventListener('click', function () { state.page++; renderMatrix(docs); });
    pager.appendChild(prev);
    pager.appendChild(next);
    pager.appendChild(el('span', { text: 'page ' + (state.page + 1) + ' of ' + pages }));
  }
  function matrixEvents() {
    var box = $('matrix');
    box.addEventListener('click', function (e) {
      var b = e.target.closest('button.cell');
      if (b) { showEvidence(b); }
    });
    box.addEventListener('keydown', function (e) {
      var b = e.target.closest('button.cell');
      if (!b) { return; }
      var r = +b.getAttribute('data-row'), c = +b.getAttribute('data-col');
      var d = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }[e.key];
      if (!d) { return; }
      e.preventDefault();
      var cells = Array.prototype.slice.call(box.querySelectorAll('button.cell'));
      var best = null, bestCost = Infinity;
      cells.forEach(function (x) {
        var xr = +x.getAttribute('data-row'), xc = +x.getAttribute('data-col');
        var dr = xr - r, dc = xc - c;
        if ((d[0] && Math.sign(dr) !== d[0]) || (d[1] && Math.sign(dc) !== d[1])) { return; }
        var cost = d[0] ? Math.abs(dr) * 100 + Math.abs(dc) : Math.abs(dc) * 100 + Math.abs(dr);
        if (cost < bestCost) { bestCost = cost; best = x; }
      });
      if (best) { b.setAttribute('tabindex', '-1'); best.setAttribute('tabindex', '0'); best.focus(); }
    });
  }
  function showEvidence(b) {
    var id = b.getAttribute('data-doc'), theme = b.getAttribute('data-theme');
    var d = I.docs.filter(function (x) { return x.id === id; })[0];
    var t = THEMES[themeIndex(theme)];
    Array.prototype.forEach.call(document.querySelectorAll('button.cell.sel'), function (x) { x.classList.remove('sel'); });
    b.classList.add('sel');
    load('data/ev/' + encodeURIComponent(stem(d)) + '.js', function () {
      var ev = (E.evidence && E.evidence[id] && E.evidence[id][theme]) || [];
      var box = clear($('evidence'));
      box.appendChild(el('h3', { id: 'evidence-h', text: sym(t) + ' ' + t.name + ' in ' + docTitle(d) }));
      var ol = el('ol', { 'class': 'evidence-list' });
      ev.forEach(function (e) {
        ol.appendChild(el('li', {}, [el('a', { href: docHref(d, e[0]), text: e[1] }), ' ', el('small', { text: 'score ' + e[2].toFixed(2) })]));
      });
      box.appendChild(ol);
      if (!ev.length) { box.appendChild(el('p', { text: 'No evidence sentence kept for this theme.' })); }
    });
  }

  // ---- trends ----
  function trendKey() {
    var cat = (E.trendsCatalog || { variants: {} }).variants;
    var wanted = state.country ? 'country:' + state.country : state.tag ? 'tag:' + state.tag : 'all';
    if (!cat[wanted] && state.tag) {
      var tk = Object.keys(cat).filter(function (k) { return k.toLowerCase() === ('tag:' + state.tag).toLowerCase(); })[0];
      if (tk) { wanted = tk; }
    }
    return { key: cat[wanted] ? wanted : (cat.all ? 'all' : null), wanted: wanted, cat: cat };
  }
  function renderTrends() {
    var k = trendKey();
    var note = $('trends-note');
    if (!k.key) { note.textContent = 'No dated document: no trends.'; clear($('trends-table')); if (chart) { chart.clear(); } ready(); return; }
    load(k.cat[k.key].file, function () { drawTrends(E.trends[k.key], k); });
  }
  function drawTrends(tr, k) {
    var idx = [];
    tr.periods.forEach(function (p, i) {
      var y = parseInt(p.p, 10);
      if ((state.from == null || y >= state.from) && (state.to == null || y <= state.to)) { idx.push(i); }
    });
    var themes = tr.themes.filter(function (t) { return t.documents > 0; });
    if (state.theme) { themes = themes.filter(function (t) { return t.id === state.theme; }); }
    else { themes = themes.slice().sort(function (a, b) { return b.documents - a.documents; }).slice(0, 6); }
    var parts = ['Mean share of the documents\u2019 sentences per year with its ' + tr.interval + ' (band), '
      + tr.label + ', ' + tr.documents + ' dated documents (' + tr.undated + ' undated left out); the figures of entente trends.'];
    if (k.key !== k.wanted) { parts.push(' Trends are precomputed for the ' + 'most frequent tags and countries only: showing ' + tr.label + '.'); }
    else if (state.country && state.tag) { parts.push(' The chart follows the country; the tag filter applies to the other views.'); }
    if (!state.theme) { parts.push(' The six themes in most documents; choose a theme to see any other.'); }
    $('trends-note').textContent = parts.join('');
    var x = idx.map(function (i) { return tr.periods[i].p; });
    var series = [];
    themes.forEach(function (t, n) {
      var colour = PALETTE[themeIndex(t.id) % PALETTE.length];
      var lo = idx.map(function (i) { return t.lo[i]; });
      var band = idx.map(function (i) { return t.lo[i] == null || t.hi[i] == null ? null : +(t.hi[i] - t.lo[i]).toFixed(6); });
      series.push({ name: t.name + ' lo', type: 'line', data: lo, stack: 'b' + n, lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } });
      series.push({ name: t.name + ' band', type: 'line', data: band, stack: 'b' + n, lineStyle: { opacity: 0 }, symbol: 'none', silent: true,
        areaStyle: { color: colour, opacity: 0.15 }, tooltip: { show: false } });
      series.push({ name: (t.polarity === 'driver' ? '▲ ' : '▼ ') + t.name, type: 'line', connectNulls: false,
        data: idx.map(function (i) { return t.mean[i]; }), itemStyle: { color: colour },
        symbol: t.polarity === 'driver' ? 'triangle' : 'diamond', symbolSize: 9,
        lineStyle: { color: colour, width: 2, type: t.polarity === 'driver' ? 'solid' : 'dashed' } });
    });
    if (!chart) {
      chart = echarts.init($('trends-chart'), null, { renderer: 'canvas' });
      window.addEventListener('resize', function () { chart.resize(); });
    }
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : (100 * v).toFixed(1) + ' %'; } },
      legend: { type: 'scroll', top: 0, data: series.filter(function (s) { return !s.silent; }).map(function (s) { return s.name; }) },
      grid: { left: 50, right: 20, top: 50, bottom: 40 },
      xAxis: { type: 'category', data: x, boundaryGap: false },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: function (v) { return (100 * v).toFixed(0) + ' %'; } } },
      series: series
    }, true);
    $('trends-chart').setAttribute('data-series', themes.map(function (t) { return t.id; }).join(' '));
    $('trends-chart').setAttribute('data-periods', x.join(' '));
    var table = el('table', { id: 'trends-tab' });
    var head = el('tr', {}, [el('th', { scope: 'col', text: 'Year' }), el('th', { scope: 'col', 'class': 'num', text: 'Documents' })]);
    themes.forEach(function (t) { head.appendChild(el('th', { scope: 'col', text: sym(t) + ' ' + t.name + ' (%, 95 % interval)' })); });
    table.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    idx.forEach(function (i) {
      var p = tr.periods[i];
      var row = el('tr', {}, [el('th', { scope: 'row', text: p.p + (p.sparse ? ' (sparse)' : '') }), el('td', { 'class': 'num', text: String(p.n) })]);
      themes.forEach(function (t) {
        row.appendChild(el('td', { 'class': 'num', text: t.mean[i] == null ? '–' : pct(t.mean[i]) + (t.lo[i] == null ? '' : ' [' + pct(t.lo[i]) + '–' + pct(t.hi[i]) + ']') }));
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    clear($('trends-table')).appendChild(table);
    ready();
  }

  // ---- countries and pairs ----
  function countTable(docs, field, id, labelOf, head) {
    var counts = {};
    var themeDocs = {};
    // Countries: d.c lists the document's countries, d.a [country, themes...] those involved in evidence;
    // pairs: d.p [pair, themes...].
    var names = field === 'c' ? I.codes : I.pairs;
    docs.forEach(function (d) {
      var seen = {};
      var lists = field === 'c' ? d.a : d.p;
      lists.forEach(function (row) {
        var k = names[row[0]];
        seen[k] = true;
        themeDocs[k] = themeDocs[k] || {};
        for (var i = 1; i < row.length; i++) { themeDocs[k][row[i]] = (themeDocs[k][row[i]] || 0) + 1; }
      });
      (field === 'c' ? d.c.map(function (n) { return names[n]; }) : Object.keys(seen)).forEach(function (k) {
        counts[k] = (counts[k] || 0) + 1;
        themeDocs[k] = themeDocs[k] || {};
      });
    });
    var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).slice(0, 30);
    var table = el('table', { id: id + '-table' });
    table.appendChild(el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: head }), el('th', { scope: 'col', 'class': 'num', text: 'Documents' }),
      el('th', { scope: 'col', text: 'Themes attached (documents)' })])]));
    var body = el('tbody');
    keys.forEach(function (k) {
      var ts = Object.keys(themeDocs[k]).sort(function (a, b) { return themeDocs[k][b] - themeDocs[k][a]; }).slice(0, 5)
        .map(function (t) { var th = THEMES[t]; return sym(th) + ' ' + th.name + ' (' + themeDocs[k][t] + ')'; });
      body.appendChild(el('tr', {}, [el('th', { scope: 'row', text: labelOf(k) }), el('td', { 'class': 'num', text: String(counts[k]) }),
        el('td', { text: ts.join('; ') || '–' })]));
    });
    table.appendChild(body);
    var box = clear($(id));
    box.appendChild(table);
    if (!keys.length) { box.appendChild(el('p', { text: 'None in the selection.' })); }
  }
  function countryName(c) { return I.countries[c] || c; }

  // ---- search ----
  var searchTimer = null;
  function setupSearch() {
    $('search').addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(runSearch, 200);
    });
  }
  function runSearch() {
    var q = $('search').value.trim().toLowerCase();
    var box = clear($('search-results'));
    if (q.length < 2) { return; }
    var n = I.searchChunks, left = n;
    box.appendChild(el('p', { text: 'Searching…' }));
    for (var c = 0; c < n; c++) { load('data/search/' + c + '.js', function () { if (--left === 0) { showSearch(q); } }); }
    if (n === 0) { showSearch(q); }
  }
  function showSearch(q) {
    if ($('search').value.trim().toLowerCase() !== q) { return; }
    var allowed = {};
    selected().forEach(function (d) { allowed[d.id] = true; });
    var ti = state.theme ? themeIndex(state.theme) : -1;
    var hits = [], total = 0;
    Object.keys(E.search || {}).sort(function (a, b) { return a - b; }).forEach(function (c) {
      E.search[c].forEach(function (r) {
        var d = I.docs[r[0]];
        if (!allowed[d.id] || (ti >= 0 && r[1] !== ti) || r[3].toLowerCase().indexOf(q) < 0) { return; }
        total++;
        if (hits.length < 100) { hits.push(r); }
      });
    });
    var box = clear($('search-results'));
    box.appendChild(el('p', { text: total + (total === 1 ? ' evidence sentence' : ' evidence sentences') + ' in the selection'
      + (total > hits.length ? ', the first ' + hits.length + ' shown' : '') }));
    var ol = el('ol');
    hits.forEach(function (r) {
      var d = I.docs[r[0]], t = THEMES[r[1]];
      ol.appendChild(el('li', {}, [el('a', { href: docHref(d, r[2]), text: r[3] }), ' ',
        el('small', { text: sym(t) + ' ' + t.name + ' — ' + docTitle(d) })]));
    });
    box.appendChild(ol);
  }

  function render() {
    performance.mark('entente-render');
    var docs = selected();
    if (state.theme) {
      // With a theme chosen, the documents that argue it most come first.
      var ti = themeIndex(state.theme);
      var share = function (d) { for (var i = 0; i < d.v.length; i++) { if (d.v[i][0] === ti) { return d.v[i][1]; } } return 0; };
      docs = docs.slice().sort(function (a, b) { return share(b) - share(a) || (a.id < b.id ? -1 : 1); });
    }
    $('summary').textContent = docs.length + ' of ' + I.docs.length + ' documents selected, ' + THEMES.length + ' themes.';
    renderMatrix(docs);
    performance.mark('entente-matrix');
    renderTrends();
    countTable(docs, 'c', 'countries', countryName, 'Country');
    countTable(docs, 'p', 'pairs', function (k) { return k.split('-').map(countryName).join(' – '); }, 'Pair');
    performance.mark('entente-tables');
    if ($('search').value.trim().length >= 2) { runSearch(); }
  }

  setupFilters();
  matrixEvents();
  setupSearch();
  readHash();
  window.addEventListener('hashchange', function () { readHash(); render(); });
  render();
})();

// Deskbridge admin dashboard: plain JavaScript over /admin/api, charts with the bundled uPlot. No build step.
'use strict';
(function () {
  const $ = (sel) => document.querySelector(sel);
  const TOKEN_KEY = 'deskbridge-admin-token';
  const LABELS = {
    conversations: 'Conversations', answered: 'Answered', clarified: 'Clarified', handed_over: 'Handed over',
    resolved: 'Resolved', came_back: 'Came back', pending: 'Window not passed', resolution: 'Resolution rate',
  };
  let charts = [];

  // a token given once as #token=… is kept for the tab and taken out of the address bar
  const fromHash = /[#&]token=([^&]+)/.exec(location.hash);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromHash[1]));
    history.replaceState(null, '', location.pathname + '#/');
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  async function api(path, options) {
    if (!String(path).startsWith('/admin/api/')) throw new Error('not an admin API path: ' + path); // the token stays here
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) { showLogin(''); throw new Error('no token'); }
    const response = await fetch(path, Object.assign({}, options, {
      headers: Object.assign({ Authorization: 'Bearer ' + token }, (options || {}).headers),
    }));
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showLogin(body.error || body.detail || ''); throw new Error('401'); }
    if (!response.ok) throw new Error(body.error || body.detail || response.statusText);
    return body;
  }

  function show(id) {
    for (const s of ['login', 'dashboard', 'list', 'conversation']) $('#' + s).hidden = s !== id;
  }

  function showLogin(reason) {
    show('login');
    $('#login-error').textContent = reason;
  }

  $('#login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, e.target.token.value);
    route();
  });

  function filterParams() {
    const p = new URLSearchParams();
    for (const input of $('#filters').elements) {
      if (input.name && input.value) p.set(input.name, input.value);
    }
    return p;
  }

  $('#filters').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/?' + filterParams().toString();
  });

  // a figure's number: a link to the conversations behind it
  function num(value, query) {
    return el('a', { class: 'num', href: '#/list?q=' + encodeURIComponent(query), 'data-query': query }, value);
  }

  function pct(rate) { return rate === null || rate === undefined ? 'n/a' : (rate * 100).toFixed(1) + ' %'; }

  function ms(v) { return v === null || v === undefined ? 'n/a' : v < 1000 ? v + ' ms' : (v / 1000).toFixed(1) + ' s'; }

  function fillSelect(select, values) {
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'all'), ...values.map((v) => el('option', { value: v }, v)));
    select.value = chosen;
  }

  function barChart(target, labels, series, opts) {
    target.replaceChildren();
    const width = Math.max(300, target.clientWidth || 440);
    const xs = labels.map((_, i) => i);
    const bars = uPlot.paths.bars({ size: [0.7, 60] });
    const chart = new uPlot({
      width, height: 240,
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { values: (u, ticks) => ticks.map((t) => labels[t] ?? ''), gap: 2, size: opts.rotate ? 80 : 40, rotate: opts.rotate || 0, font: '10px system-ui' },
        { values: opts.yValues, size: 60 },
      ],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      series: [{}].concat(series.map((s) => ({ label: s.label, fill: s.color, stroke: s.color, paths: bars, points: { show: false } }))),
      hooks: opts.hooks || {},
    }, [xs].concat(series.map((s) => s.values)), target);
    // a click on a bar opens the conversations behind it
    chart.over.addEventListener('click', () => {
      const i = chart.cursor.idx;
      if (i !== null && i !== undefined && opts.queries && opts.queries[i]) location.hash = '#/list?q=' + encodeURIComponent(opts.queries[i]);
    });
    charts.push(chart);
    return chart;
  }

  function table(target, head, rows) {
    target.replaceChildren(el('tr', {}, ...head.map((h) => el('th', {}, h))),
      ...rows.map((r) => el('tr', {}, ...r.map((c) => (c instanceof Node ? el('td', { class: 'n' }, c) : el('td', {}, c))))));
  }

  async function dashboard(params) {
    show('dashboard');
    for (const [k, v] of params) { const input = $('#filters').elements[k]; if (input) input.value = v; }
    $('#status').textContent = 'Loading figures…';
    const f = await api('/admin/api/figures?' + params.toString());
    fillSelect($('#filters').elements.installation, f.options.installations);
    fillSelect($('#filters').elements.channel, f.options.channels);
    fillSelect($('#filters').elements.language, f.options.languages);
    const trySelect = $('#try-form').elements.installation;
    if (!trySelect.options.length) trySelect.replaceChildren(...f.options.installations.map((v) => el('option', { value: v }, v)));
    $('#status').textContent = `${f.from.slice(0, 10)} to ${f.to.slice(0, 16).replace('T', ' ')} UTC · threshold ${f.thresholdPercent} % · `
      + `an answer counts as resolved when the customer stays silent for ${f.resolutionWindowHours} h`
      + (f.incomplete ? ` · ${f.incomplete}` : '');
    const h = f.headline;
    $('#tiles').replaceChildren(...Object.entries(h).map(([key, fig]) => el('div', { class: 'tile', id: 'tile-' + key },
      el('div', { class: 'label' }, LABELS[key] || key),
      el('div', { class: 'value' }, num(key === 'resolution' ? pct(fig.rate) : fig.value, fig.query)),
      el('div', { class: 'rate' }, key === 'resolution' ? `${fig.value} of ${h.resolved.value + h.came_back.value}`
        : key === 'conversations' ? '' : pct(fig.rate || 0)))));
    charts.forEach((c) => c.destroy());
    charts = [];
    const outcomeKeys = ['answered', 'clarified', 'handed_over', 'resolved'];
    barChart($('#chart-outcomes'), outcomeKeys.map((k) => LABELS[k]),
      [{ label: 'share', color: '#0b5fff', values: outcomeKeys.map((k) => (h[k].rate || 0) * 100) }],
      { yValues: (u, t) => t.map((v) => v + ' %'), queries: outcomeKeys.map((k) => h[k].query) });
    barChart($('#chart-reasons'), f.handoverReasons.map((r) => r.code.replace('_', ' ')),
      [{ label: 'conversations', color: '#d97706', values: f.handoverReasons.map((r) => r.value) }],
      { queries: f.handoverReasons.map((r) => r.query), rotate: -40 });
    const threshold = f.thresholdPercent;
    barChart($('#chart-confidence'), f.confidence.map((b) => b.from + '–' + b.to),
      [{ label: 'decisions', color: '#7c3aed', values: f.confidence.map((b) => b.value) }],
      {
        queries: f.confidence.map((b) => b.query), rotate: -40,
        hooks: { draw: [(u) => { // the threshold as a red line
          const x = u.valToPos(threshold / 5 - 0.5, 'x', true);
          const ctx = u.ctx;
          ctx.save(); ctx.strokeStyle = '#b00020'; ctx.lineWidth = 2; ctx.beginPath();
          ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); ctx.restore();
        }] },
      });
    const frt = f.firstResponse;
    table($('#frt'), ['', 'p50', 'p90', 'conversations'], [
      ['Bot (decision after receipt)', ms(frt.bot.p50Ms), ms(frt.bot.p90Ms), num(frt.bot.count, frt.bot.query)],
      ['People after handover (first public agent reply)', ms(frt.human.p50Ms), ms(frt.human.p90Ms), num(frt.human.count, frt.human.query)],
    ]);
    table($('#gaps'), ['question', 'conversations'], f.gaps.map((g) => [g.text, num(g.value, g.query)]));
    table($('#articles'), ['article', 'answers'], f.articles.map((a) => [a.key, num(a.value, a.query)]));
    table($('#others'), ['', 'conversations'], [].concat(
      f.drafts.map((d) => ['draft ' + d.code.replaceAll('_', ' '), num(d.value, d.query)]),
      f.loopGuard.map((d) => ['loop guard: ' + d.code.replace('_', ' '), num(d.value, d.query)]),
      [['dead letters', num(f.deadLetters.value, f.deadLetters.query)]]));
    const listOf = (row, figure) => {
      const p = new URLSearchParams(params);
      p.set('figure', figure); p.set('installation', row.installation); p.set('channel', row.channel); p.set('language', row.language);
      return '/admin/api/conversations?' + p.toString();
    };
    csat(f.csat, listOf);
    table($('#breakdown'), ['installation', 'channel', 'language', 'conversations', 'answered', 'clarified', 'handed over', 'resolved'],
      f.breakdown.map((r) => [r.installation, r.channel || '?', r.language || '?', num(r.conversations, listOf(r, 'conversations')),
        num(r.answered, listOf(r, 'answered')), num(r.clarified, listOf(r, 'clarified')),
        num(r.handedOver, listOf(r, 'handed_over')), num(r.resolved, listOf(r, 'resolved'))]));
    document.body.dataset.figures = 'drawn';
    performance.mark('figures-drawn');
  }

  // CSAT (issue #16 item 4): the figure from /admin/api/figures' csat; every number opens its rated conversations
  function csat(c, listOf) {
    const target = $('#csat');
    const note = c.note ? el('p', { class: 'muted', id: 'csat-note' }, c.note) : '';
    if (!c.available) {
      target.replaceChildren(note);
      return;
    }
    const t = el('table', { id: 'csat-table' });
    // a row's channel or language may be unknown (a ticket the bot never saw): no filter selects just those, so its
    // numbers are shown without a list
    const cell = (row, value, figure) => (row.channel && row.language ? num(value, listOf(row, figure)) : String(value));
    table(t, ['', 'CSAT', 'good', 'bad', 'rated'], [
      ['All', pct(c.rate), num(c.good.value, c.good.query), num(c.bad.value, c.bad.query), num(c.rated.value, c.rated.query)],
      ...c.breakdown.map((r) => [`${r.installation} · ${r.channel || '?'} · ${r.language || '?'}`, pct(r.rate),
        cell(r, r.good, 'csat:good'), cell(r, r.bad, 'csat:bad'), cell(r, r.good + r.bad, 'csat:rated')])]);
    target.replaceChildren(t, note);
  }

  $('#try-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    $('#try-result').textContent = 'Deciding…';
    try {
      const r = await api('/admin/api/try', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ installation: form.installation.value, channel: form.channel.value, text: form.text.value }) });
      $('#try-result').textContent = `${r.decision} (${r.reasons.join(', ')}) · confidence ${(r.confidence * 100).toFixed(1)} %`
        + (r.article ? ` · article ${r.article}` : '') + (r.routingGroup ? ` · group ${r.routingGroup}` : '') + '\n\n' + r.text;
    } catch (err) {
      $('#try-result').textContent = 'error: ' + err.message;
    }
  });

  async function list(query) {
    show('list');
    const target = $('#list');
    target.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    const r = await api(query);
    const rows = r.conversations.map((c) => el('tr', {},
      el('td', {}, el('a', { href: '#/conversation?installation=' + encodeURIComponent(c.installation) + '&id=' + encodeURIComponent(c.conversationId), class: 'conv' }, c.conversationId)),
      el('td', {}, c.installation), el('td', {}, c.channel), el('td', {}, c.language),
      el('td', {}, c.first.replace('T', ' ').slice(0, 19)),
      el('td', {}, c.tags.join(', ') + (c.comment ? ' · “' + c.comment + '”' : ''))));
    const next = new URL(query, location.origin);
    next.searchParams.set('offset', r.offset + r.conversations.length);
    target.replaceChildren(el('h2', { id: 'list-title' }, `${r.total} conversation(s): ${r.figure}`),
      el('p', { class: 'muted' }, 'API: ', el('code', {}, query)),
      el('table', { id: 'list-table' }, el('tr', {}, ...['conversation', 'installation', 'channel', 'language', 'first', 'figures'].map((h) => el('th', {}, h))), ...rows),
      r.offset + r.conversations.length < r.total ? el('a', { href: '#/list?q=' + encodeURIComponent(next.pathname + next.search) }, 'next page') : '');
  }

  async function conversation(params) {
    show('conversation');
    const target = $('#conversation');
    target.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    const c = await api('/admin/api/conversation?' + params.toString());
    const decisions = c.decisions.map((d) => el('div', { class: 'decision ' + d.decision },
      el('strong', {}, d.decision), ` ${d.reasons.join(', ')} · confidence ${(d.confidence * 100).toFixed(1)} %`,
      d.article ? ` · article ${d.article}` : '', ` · ${d.at.replace('T', ' ').slice(0, 19)} · episode ${d.episode} · ${d.mode}`,
      el('div', { class: 'muted' }, 'signals: ' + (Object.entries(d.signals).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ') || 'none')),
      d.input ? el('div', {}, 'input: ' + d.input) : '',
      el('div', {}, 'actions: ' + (d.actions.join('; ') || 'none') + ' → ' + d.outcome),
      d.detail && (d.detail.text || d.detail.question || d.detail.summaryText)
        ? el('pre', {}, d.detail.text || d.detail.question || d.detail.summaryText) : ''));
    const messages = c.messages.map((m) => el('div', { class: 'msg ' + m.role }, el('strong', {}, `${m.role} ${m.visibility.toLowerCase()}`),
      ' ' + (m.at || '').replace('T', ' ').slice(0, 19), el('div', {}, m.text)));
    const writes = c.writes.map((w) => [String(w.id), w.status, String(w.attempts), w.lastError || '', JSON.stringify(w.actions)]);
    const writesTable = el('table', {});
    table(writesTable, ['write', 'status', 'attempts', 'last error', 'actions'], writes);
    target.replaceChildren(el('h2', { id: 'conversation-title' }, `${c.installation} / ${c.conversationId}`),
      el('h3', {}, 'Messages'), ...(messages.length ? messages : [el('p', { class: 'muted' }, 'no transcript kept')]),
      el('h3', {}, 'Decision trail'), ...decisions,
      el('h3', {}, 'Vendor writes'), writesTable);
  }

  async function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query] = hash.split('?');
    const params = new URLSearchParams(query || '');
    try {
      if (path === '/list') await list(params.get('q'));
      else if (path === '/conversation') await conversation(params);
      else await dashboard(params);
    } catch (err) {
      if (err.message !== '401' && err.message !== 'no token') {
        $('#status').textContent = 'error: ' + err.message;
      }
    }
  }

  window.addEventListener('hashchange', route);
  route();
}());

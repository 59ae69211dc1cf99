// main.js: the dyad dashboard. One page over the `dyad serve` JSON API:
// filters -> time series (uPlot), actor network (Cytoscape.js), map
// (world-atlas boundaries drawn with d3-geo), event table, and the
// document view with the evidence highlighted. All libraries are bundled
// by build.mjs; the only requests go to this server's /api.
import uPlot from 'uplot';
import cytoscape from 'cytoscape';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';

/* global ISO_NUMERIC */
const $ = (id) => document.getElementById(id);
const PAGE = 25;
const QNAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QCOLORS = ['', '#2b8a3e', '#1971c2', '#e8590c', '#c92a2a'];
const state = { offset: 0, selected: null, plot: null, cy: null };
window.__dyad = state; // for the browser test and for curious users

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

function showError(msg) {
  const box = $('error');
  box.textContent = msg || '';
  box.hidden = !msg;
}

async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) qs.set(k, v);
  const res = await fetch(`/api/${path}?${qs}`);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

/* The filters of the form, as API parameters. */
function filters() {
  const f = $('filters');
  const quads = [...f.querySelectorAll('input[name=quad]:checked')].map((i) => i.value);
  return {
    q: $('f-q').value.trim(),
    source: $('f-source').value.trim().toUpperCase(),
    target: $('f-target').value.trim().toUpperCase(),
    code: $('f-code').value.trim(),
    quad: quads.join(','),
    from: $('f-from').value,
    to: $('f-to').value,
  };
}

/* ---- time series ----------------------------------------------------- */

function periodTime(p) {
  // "2023-03" or "2023-03-20" -> unix seconds (UTC)
  const [y, m, d] = p.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

async function loadSeries(f) {
  const period = $('f-period').value;
  const who = f.source || f.target
    ? `${f.source || 'any'} → ${f.target || 'any'}` : 'all actors';
  $('series-title').textContent = `Events per ${period}: ${who}`;
  const data = await api('timeseries', { ...f, period });
  const rows = data.series;
  const xs = rows.map((r) => periodTime(r.period));
  const cols = [xs];
  for (let q = 0; q < 4; q++) cols.push(rows.map((r) => r.quad[q]));
  cols.push(rows.map((r) => r.goldstein));
  const box = $('series');
  box.textContent = '';
  if (state.plot) { state.plot.destroy(); state.plot = null; }
  if (!rows.length) { box.append(el('p', { class: 'muted' }, 'No dated events match.')); return; }
  const series = [{}];
  for (let q = 1; q <= 4; q++)
    series.push({ label: QNAMES[q], stroke: QCOLORS[q], width: 2, scale: 'n',
                  points: { show: rows.length < 60 } });
  series.push({ label: 'mean Goldstein', stroke: '#495057', dash: [4, 4], scale: 'g',
                points: { show: rows.length < 60 } });
  state.plot = new uPlot({
    width: Math.max(300, box.clientWidth - 10), height: 240, series,
    scales: {
      // one period alone: widen the axis to a month either side
      x: xs.length > 1 ? { time: true } : { time: true, range: () => [xs[0] - 2678400, xs[0] + 2678400] },
      g: { range: [-10, 10] },
    },
    axes: [{}, { scale: 'n', label: 'events' },
           { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false } }],
  }, cols, box);
}

/* ---- network ---------------------------------------------------------- */

function selectDyad(source, target) {
  $('f-source').value = source;
  $('f-target').value = target;
  state.offset = 0;
  refresh();
}

async function loadNetwork(f) {
  // the network of the period: the dyad filters are left out on purpose
  const data = await api('network', { ...f, source: '', target: '', limit: 60 });
  const list = $('dyads');
  list.textContent = '';
  for (const e of data.edges.slice(0, 30)) {
    const key = `${e.source}:${e.target}`;
    const li = el('li', { 'data-dyad': key, title: `${e.count} events, mean Goldstein ${e.goldstein ?? 'n/a'}`,
                          onclick: () => selectDyad(e.source, e.target) },
                  `${e.source} → ${e.target} (${e.count})`);
    if (f.source === e.source && f.target === e.target) li.classList.add('sel');
    list.append(li);
  }
  if (!data.edges.length) list.append(el('li', { class: 'muted' }, 'no dyads'));
  const max = Math.max(1, ...data.edges.map((e) => e.count));
  const maxn = Math.max(1, ...data.nodes.map((n) => n.count));
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, w: n.count / maxn } })),
    ...data.edges.map((e, i) => ({ data: {
      id: `e${i}`, source: e.source, target: e.target, w: e.count / max,
      color: e.goldstein == null ? '#adb5bd' : e.goldstein < 0 ? '#c92a2a' : '#2b8a3e' } })),
  ];
  if (state.cy) state.cy.destroy();
  state.cy = cytoscape({
    container: $('network'), elements,
    style: [
      { selector: 'node', style: { label: 'data(id)', 'font-size': 9, width: 'mapData(w, 0, 1, 8, 30)',
        height: 'mapData(w, 0, 1, 8, 30)', 'background-color': '#495057' } },
      { selector: 'edge', style: { width: 'mapData(w, 0, 1, 1, 8)', 'line-color': 'data(color)',
        'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        opacity: 0.7 } },
    ],
    layout: { name: data.nodes.length > 40 ? 'circle' : 'cose', animate: false },
  });
  state.cy.on('tap', 'edge', (ev) => selectDyad(ev.target.data('source'), ev.target.data('target')));
  state.cy.on('tap', 'node', (ev) => selectDyad(ev.target.id(), ''));
}

/* ---- map -------------------------------------------------------------- */

const countries = feature(world, world.objects.countries);
const SVGNS = 'http://www.w3.org/2000/svg';

async function loadMap(f) {
  const { q, ...rest } = f; // places cannot filter by text
  const data = await api('places', { ...rest, limit: 500 });
  // Without geocoded places, shade the countries of the actors instead
  // (the first three letters of an actor code are its ISO alpha-3).
  let actorShading = false;
  if (!data.countries.length) {
    const top = await api('top', { ...f, what: 'actors', limit: 100 });
    const sum = new Map();
    for (const r of top.rows) {
      const a3 = r.key.slice(0, 3);
      if (/^[A-Z]{3}$/.test(a3)) sum.set(a3, (sum.get(a3) || 0) + r.count);
    }
    data.countries = [...sum].map(([country, count]) => ({ country, count }));
    actorShading = data.countries.length > 0;
  }
  const W = 640, H = 330;
  const proj = geoNaturalEarth1().fitSize([W, H], countries);
  const path = geoPath(proj);
  const svg = document.createElementNS(SVGNS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const byA3 = new Map(data.countries.map((c) => [c.country, c.count]));
  const maxc = Math.max(1, ...data.countries.map((c) => c.count));
  for (const c of countries.features) {
    const p = document.createElementNS(SVGNS, 'path');
    p.setAttribute('d', path(c) || '');
    p.setAttribute('class', 'land');
    const a3 = ISO_NUMERIC[c.id];
    const n = a3 && byA3.get(a3);
    if (n) p.style.fill = `rgba(201,42,42,${0.15 + 0.6 * n / maxc})`;
    const t = document.createElementNS(SVGNS, 'title');
    t.textContent = `${c.properties.name}${n ? `: ${n} events` : ''}`;
    p.append(t);
    svg.append(p);
  }
  let shown = 0;
  const maxp = Math.max(1, ...data.places.map((p) => p.count));
  for (const pl of data.places) {
    if (pl.lat == null || pl.lon == null) continue;
    const xy = proj([pl.lon, pl.lat]);
    if (!xy) continue;
    const c = document.createElementNS(SVGNS, 'circle');
    c.setAttribute('cx', xy[0]); c.setAttribute('cy', xy[1]);
    c.setAttribute('r', 2 + 8 * Math.sqrt(pl.count / maxp));
    c.setAttribute('class', 'place');
    const t = document.createElementNS(SVGNS, 'title');
    t.textContent = `${pl.name} (${pl.country}): ${pl.count}`;
    c.append(t);
    svg.append(c);
    shown++;
  }
  $('map').textContent = '';
  $('map').append(svg);
  $('map-note').textContent = data.places.length
    ? `${shown} places with coordinates, ${data.countries.length} countries${f.q ? ' (the map ignores the text search)' : ''}`
    : actorShading ? 'No geocoded event places match; shading shows the countries of the actors.'
      : 'No event places match these filters.';
}

/* ---- events ----------------------------------------------------------- */

async function loadEvents(f) {
  const data = await api('events', { ...f, limit: PAGE, offset: state.offset });
  const tb = $('events').querySelector('tbody');
  tb.textContent = '';
  data.events.forEach((e, i) => {
    const tr = el('tr', { 'data-doc': e.doc, 'data-sent': e.sent, 'data-i': i },
      el('td', {}, e.date || ''), el('td', {}, e.source), el('td', {}, e.target),
      el('td', { title: e.name }, e.code), el('td', { class: `q${e.quad}` }, String(e.quad)),
      el('td', {}, e.goldstein == null ? '' : String(e.goldstein)),
      el('td', { class: 'ev', title: e.sentence }, e.sentence));
    tr.addEventListener('click', () => {
      tb.querySelectorAll('tr.sel').forEach((r) => r.classList.remove('sel'));
      tr.classList.add('sel');
      openDocument(e);
    });
    tb.append(tr);
  });
  if (!data.events.length)
    tb.append(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No events match.')));
  $('ev-count').textContent = data.events.length
    ? `${state.offset + 1}–${state.offset + data.events.length}${data.more ? '+' : ''}` : '';
  $('prev').disabled = state.offset === 0;
  $('next').disabled = !data.more;
}

/* ---- document --------------------------------------------------------- */

/* Renders text (UTF-8 byte spans) with marks: spans [{off,len,cls}]. */
function markedText(text, spans, sentSpan) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  const ok = spans.filter((s) => s.len > 0 && s.off >= 0 && s.off + s.len <= bytes.length);
  for (const s of ok) { cuts.add(s.off); cuts.add(s.off + s.len); }
  if (sentSpan) { cuts.add(sentSpan.off); cuts.add(sentSpan.off + sentSpan.len); }
  const pts = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  let sentEl = null;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const piece = dec.decode(bytes.subarray(a, b));
    const hit = ok.find((s) => s.off <= a && s.off + s.len >= b);
    const node = hit ? el('mark', { class: hit.cls, title: hit.title }, piece) : document.createTextNode(piece);
    if (sentSpan && a >= sentSpan.off && b <= sentSpan.off + sentSpan.len) {
      if (!sentEl) { sentEl = el('span', { class: 'sent-sel' }); frag.append(sentEl); }
      sentEl.append(node);
    } else {
      frag.append(node);
    }
  }
  return { frag, sentEl };
}

async function openDocument(ev) {
  const box = $('doc');
  box.textContent = 'loading…';
  let d;
  try { d = await api('document', { id: ev.doc }); } catch (err) { box.textContent = err.message; return; }
  // the clicked event: same sentence, code and actors
  const match = d.events.find((x) => x.sent === ev.sent && x.code === ev.code &&
                                     x.source === ev.source && x.target === ev.target) ||
                d.events.find((x) => x.sent === ev.sent);
  const spans = [];
  if (match) {
    spans.push({ off: match.source_off, len: match.source_len, cls: 'hl-source', title: `source ${match.source}` });
    spans.push({ off: match.target_off, len: match.target_len, cls: 'hl-target', title: `target ${match.target}` });
    spans.push({ off: match.verb_off, len: match.verb_len, cls: 'hl-verb', title: `${match.code} ${match.name}` });
  }
  const sent = d.sentences.find((s) => s.idx === ev.sent);
  const { frag, sentEl } = markedText(d.text, spans, sent);
  box.textContent = '';
  box.classList.remove('muted');
  box.append(el('div', { class: 'meta' },
    el('strong', {}, d.title || d.id), ` · ${d.date || 'undated'}`,
    d.source ? ` · ${d.source}` : '', d.url ? ` · ${d.url}` : ''));
  if (match)
    box.append(el('div', { class: 'legend' },
      el('mark', { class: 'hl-source' }, `${match.source}: ${match.source_text || '—'}`),
      el('mark', { class: 'hl-verb' }, `${match.code} ${match.name}: ${match.verb_text || '—'}`),
      el('mark', { class: 'hl-target' }, `${match.target}: ${match.target_text || '—'}`),
      el('span', { class: 'muted' }, ` QuadClass ${match.quad}, Goldstein ${match.goldstein ?? 'n/a'}, rule ${match.rule || '—'}`)));
  box.append(el('div', { class: 'text', id: 'doc-text' }, frag));
  box.append(el('h3', {}, `Quotes (${d.quotes.length})`));
  const ul = el('ul', { id: 'quotes' });
  for (const q of d.quotes)
    ul.append(el('li', { class: 'quote' }, `“${q.text}”`, q.speaker || q.speaker_text
      ? ` — ${q.speaker_text || ''}${q.speaker ? ` [${q.speaker}]` : ''}` : ''));
  if (!d.quotes.length) ul.append(el('li', { class: 'muted' }, 'none'));
  box.append(ul);
  box.dataset.quotes = String(d.quotes.length);
  if (sentEl) sentEl.scrollIntoView({ block: 'nearest' });
}

/* ---- wiring ----------------------------------------------------------- */

async function refresh() {
  showError('');
  const f = filters();
  const jobs = [loadSeries(f), loadNetwork(f), loadMap(f), loadEvents(f)];
  const res = await Promise.allSettled(jobs);
  const bad = res.find((r) => r.status === 'rejected');
  if (bad) showError(bad.reason.message);
  document.body.dataset.ready = String(Date.now());
}

$('filters').addEventListener('submit', (e) => { e.preventDefault(); state.offset = 0; refresh(); });
$('f-clear').addEventListener('click', () => { $('filters').reset(); state.offset = 0; refresh(); });
$('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(filters()).catch((e) => showError(e.message)); });
$('next').addEventListener('click', () => { state.offset += PAGE; loadEvents(filters()).catch((e) => showError(e.message)); });
state.selectDyad = selectDyad;

api('stats').then((s) => {
  $('stats').textContent = `${s.events.toLocaleString()} events in ${s.documents.toLocaleString()} documents` +
    (s.first_date ? `, ${s.first_date} to ${s.last_date}` : '') + ` (${s.backend})`;
}).catch((e) => showError(e.message));
refresh();

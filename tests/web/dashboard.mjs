// tests/web/dashboard.mjs: the browser test of the dyad dashboard, run by
// tests/cli/serve.sh against a running `dyad serve`.
//   node tests/web/dashboard.mjs URL OUTDIR
// Headless Debian Chromium through playwright-core (from web/node_modules):
// loads the page, searches, selects a dyad from the network's list, clicks
// an event and checks that its source, verb and target are highlighted in
// the document; saves OUTDIR/dashboard.png. Prints PASS/FAIL lines.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');
const [url, out] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
let failed = 0;
const check = (name, ok, why = '') => {
  console.log(`${ok ? 'PASS' : 'FAIL'} web_${name}${ok || !why ? '' : `: ${why}`}`);
  if (!ok) failed++;
};

const ctxp = chromium.launchPersistentContext(profile, {
  executablePath: process.env.DYAD_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 1100 },
});
let ctx;
try {
  ctx = await ctxp;
  const page = ctx.pages()[0] || await ctx.newPage();
  const external = [];
  const errors = [];
  globalThis.pageErrors = errors;
  page.on('request', (r) => { if (!r.url().startsWith(url)) external.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 30000 });
  check('loads', (await page.title()).includes('dyad'));
  check('stats_shown', /events in/.test(await page.textContent('#stats')));
  check('map_drawn', (await page.locator('#map svg path').count()) > 100);
  check('network_drawn', (await page.locator('#network canvas').count()) > 0);
  const located = await page.evaluate(async () =>
    (await (await fetch('/api/places')).json()).places.filter((p) => p.lat != null).length);
  const dots = await page.locator('#map circle.place').count();
  check('map_places', dots === located, `${dots} dots for ${located} located places`);

  // search
  let ready = await page.getAttribute('body', 'data-ready');
  await page.fill('#f-q', 'attacked');
  await page.click('#f-go');
  await page.waitForFunction((r) => document.body.dataset.ready !== r, ready);
  const rows = await page.locator('#events tbody tr[data-doc]').count();
  const texts = await page.locator('#events tbody td.ev').allTextContents();
  check('search_rows', rows > 0 && texts.every((t) => /attack/i.test(t)),
        `${rows} rows: ${texts.slice(0, 3).join(' | ')}`);

  // select a dyad: the heaviest conflict dyad in the list
  await page.fill('#f-q', '');
  ready = await page.getAttribute('body', 'data-ready');
  const dyad = page.locator('#dyads li[data-dyad]').first();
  const key = await dyad.getAttribute('data-dyad');
  await dyad.click();
  await page.waitForFunction((r) => document.body.dataset.ready !== r, ready);
  const [src, tgt] = key.split(':');
  const srcs = await page.locator('#events tbody tr[data-doc] td:nth-child(2)').allTextContents();
  const tgts = await page.locator('#events tbody tr[data-doc] td:nth-child(3)').allTextContents();
  check('dyad_filter', srcs.length > 0 && srcs.every((s) => s.startsWith(src)) &&
        tgts.every((t) => t.startsWith(tgt)), `${key}: ${srcs.length} rows`);
  check('dyad_series', (await page.locator('#series .uplot').count()) === 1 &&
        (await page.textContent('#series-title')).includes(`${src} → ${tgt}`));

  // click an event: its document with the evidence highlighted
  const row = page.locator('#events tbody tr[data-doc]').first();
  const cells = await row.locator('td').allTextContents();
  await row.click();
  await page.waitForSelector('#doc-text', { timeout: 10000 });
  const marks = {};
  for (const cls of ['hl-source', 'hl-verb', 'hl-target'])
    marks[cls] = (await page.locator(`#doc-text mark.${cls}`).allTextContents()).join(' ');
  const sentence = await page.textContent('#doc-text .sent-sel');
  check('doc_sentence', sentence && cells[6] && sentence.trim().startsWith(cells[6].trim().slice(0, 20)),
        `${sentence} vs ${cells[6]}`);
  check('doc_highlight', marks['hl-source'].length > 0 && marks['hl-verb'].length > 0 &&
        marks['hl-target'].length > 0 && sentence.includes(marks['hl-verb']),
        JSON.stringify(marks));
  const nq = Number(await page.getAttribute('#doc', 'data-quotes'));
  check('doc_quotes_listed', (await page.locator('#quotes li.quote').count()) === nq,
        `${nq} quotes in the document`);
  check('no_external_requests', external.length === 0, external.join(' '));
  check('no_page_errors', errors.length === 0, errors.join(' | '));
  await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  console.log(`screenshot: ${join(out, 'dashboard.png')}`);
} catch (e) {
  check('run', false, String(e && e.stack || e));
  if (globalThis.pageErrors && globalThis.pageErrors.length) console.log(globalThis.pageErrors.join('\n'));
} finally {
  if (ctx) await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

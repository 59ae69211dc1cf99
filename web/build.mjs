// build.mjs: bundles the dashboard (src/) with esbuild into dist/, which
// `dyad serve` serves. Everything the page needs is in dist/: the script
// bundle (uPlot, Cytoscape.js, d3-geo, topojson-client and the world-atlas
// boundaries), the styles and index.html; nothing is fetched from elsewhere
// at run time. Each file also gets a .gz twin that the server sends to
// clients accepting gzip.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync,
         writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

// ISO 3166 numeric -> alpha-3, to join world-atlas ids (numeric) with the
// store's country codes (alpha-3). From Debian's iso-codes when present.
const iso = {};
const isoFile = '/usr/share/iso-codes/json/iso_3166-1.json';
if (existsSync(isoFile)) {
  for (const c of JSON.parse(readFileSync(isoFile, 'utf8'))['3166-1'])
    if (c.numeric && c.alpha_3) iso[c.numeric] = c.alpha_3;
} else {
  console.warn('build.mjs: iso-codes not found; the map will not shade countries');
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: join(dist, 'app.js'),
  loader: { '.json': 'json' },
  define: { ISO_NUMERIC: JSON.stringify(iso) },
  logLevel: 'warning',
  legalComments: 'eof',
});
const css = readFileSync(join(here, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8') +
  '\n' + readFileSync(join(here, 'src/style.css'), 'utf8');
writeFileSync(join(dist, 'style.css'), css);
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));
for (const f of ['app.js', 'style.css', 'index.html'])
  writeFileSync(join(dist, f + '.gz'), gzipSync(readFileSync(join(dist, f)), { level: 9 }));
console.log('web/dist built');

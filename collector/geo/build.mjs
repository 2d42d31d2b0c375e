// Build step of the collector (run by Maven in generate-resources): turns the Code officiel
// géographique, as the npm package @etalab/decoupage-administratif publishes it, into one small
// gzipped table that the collector reads once (fr.jdma.collector.geo.Geography).
//
//   node build.mjs <output directory>      writes <dir>/geo/cog.bin.gz
//
// The table holds the very arrays Geography keeps, so that reading it is copying them: as text, its
// parsing took 0.2 s of CPU and set off as much again of compiling, on a start that has two cores
// (bench/findings.md, eighth round). Big-endian; str = u32 length in bytes, then UTF-8:
//   "JDMACOG1"                               8 bytes
//   source: str package, str version, str millésime
//   u32 R, then R × (str code, str name)                   régions
//   u32 D, then D × (str code, str name, str région code)  départements
//   u32 N, then for the N commune codes, sorted by code:
//     i32[N] code, its five characters 0-9 A-Z read as a base-36 number (which sorts as the text does)
//     i32[N + 1] where each name starts in the names (UTF-16 units), then str the names, end to end
//     u8[N] kind: c commune (commune actuelle), m arrondissement municipal, d commune déléguée,
//           a commune associée, o former code of a commune (anciensCodes)
//     i32[N] the current commune, as an index (itself for kind c; Paris 75056 for 75115)
//     i16[N] the département, as an index into the départements above
//     i32[N] population (0 when unknown)
//   u32 P, then i32[P] postal codes and i32[P] the current commune of each, as indexes, sorted by
//     postal code, then larger population first
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const PACKAGE = '@etalab/decoupage-administratif';
// The package's README maps each major version to a millésime of the COG (6.x = 1 January 2026).
const MILLESIMES = { 6: '2026', 5: '2025', 4: '2024', 3: '2023', 2: '2022', 1: '2021' };

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}
const outFile = join(outDir, 'geo', 'cog.bin.gz');

const lock = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8'));
const wanted = lock.packages[`node_modules/${PACKAGE}`].version;
const installed = join(here, 'node_modules', PACKAGE, 'package.json');

// Incremental builds skip the work when the table is newer than its inputs.
const inputs = [join(here, 'package-lock.json'), fileURLToPath(import.meta.url)];
if (existsSync(outFile) && existsSync(installed)
    && JSON.parse(readFileSync(installed, 'utf8')).version === wanted
    && inputs.every(f => statSync(f).mtimeMs <= statSync(outFile).mtimeMs)) {
  console.log(`geography: ${outFile} is up to date (${PACKAGE} ${wanted})`);
  process.exit(0);
}
if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== wanted) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

const data = name => JSON.parse(readFileSync(join(here, 'node_modules', PACKAGE, 'data', name), 'utf8'));
const regions = data('regions.json');
const departements = data('departements.json');
const communes = data('communes.json');
const millesime = MILLESIMES[Number(wanted.split('.')[0])] ?? 'inconnu';

const clean = text => String(text ?? '').replace(/[\t\r\n]+/g, ' ').trim();

const KINDS = { 'commune-actuelle': 'c', 'arrondissement-municipal': 'm', 'commune-deleguee': 'd', 'commune-associee': 'a' };
const seen = new Map();
const rows = [];
const add = (row) => {
  if (seen.has(row[1])) return;
  seen.set(row[1], row);
  rows.push(row);
};
// Current communes first: a commune déléguée often shares its code with the commune nouvelle
// (Annecy 74010), and the current commune must win that code.
const order = ['commune-actuelle', 'arrondissement-municipal', 'commune-deleguee', 'commune-associee'];
for (const type of order) {
  for (const c of communes.filter(c => c.type === type)) {
    const kind = KINDS[type];
    const parent = kind === 'c' ? '' : kind === 'm' ? c.commune : c.chefLieu;
    add(['C', c.code, clean(c.nom), c.departement, kind, parent ?? '', c.population ?? '', (c.codesPostaux ?? []).join(' ')]);
  }
}
for (const c of communes.filter(c => c.type === 'commune-actuelle')) {
  for (const old of c.anciensCodes ?? []) add(['C', old, clean(c.nom), c.departement, 'o', c.code, '', '']);
}
rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

// Every département and région named by a commune must exist, or the collector would show a blank.
const depCodes = new Set(departements.map(d => d.code));
const regionCodes = new Set(regions.map(r => r.code));
for (const row of rows) if (!depCodes.has(row[3])) throw new Error(`commune ${row[1]}: unknown département ${row[3]}`);
for (const d of departements) if (!regionCodes.has(d.region)) throw new Error(`département ${d.code}: unknown région ${d.region}`);

// A five-character code of 0-9 A-Z as a base-36 number, as Geography.encode reads it.
const encode = (code) => {
  if (!/^[0-9A-Z]{5}$/.test(code)) throw new Error(`unexpected commune code ${code}`);
  return parseInt(code, 36);
};
const index = new Map(rows.map((row, i) => [row[1], i]));
const depIndex = new Map(departements.map((d, i) => [d.code, i]));
const postal = [];
rows.forEach((row, i) => {
  if (row[4] === 'c' && row[7]) for (const code of row[7].split(' ')) postal.push([Number(code), -(Number(row[6]) || 0), i]);
});
postal.sort((a, b) => a[0] - b[0] || a[1] - b[1]);  // stable: ties keep the table's order

const parts = [];
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); parts.push(b); };
const str = (text) => { const b = Buffer.from(String(text), 'utf8'); u32(b.length); parts.push(b); };
const i32s = (values) => { const b = Buffer.alloc(4 * values.length); values.forEach((v, i) => b.writeInt32BE(v, 4 * i)); parts.push(b); };
parts.push(Buffer.from('JDMACOG1', 'ascii'));
str(PACKAGE); str(wanted); str(millesime);
u32(regions.length);
for (const r of regions) { str(r.code); str(clean(r.nom)); }
u32(departements.length);
for (const d of departements) { str(d.code); str(clean(d.nom)); str(d.region); }
u32(rows.length);
i32s(rows.map(row => encode(row[1])));
const starts = [];
let names = '';
for (const row of rows) { starts.push(names.length); names += row[2]; }
starts.push(names.length);
i32s(starts);
str(names);
parts.push(Buffer.from(rows.map(row => row[4].charCodeAt(0))));
i32s(rows.map((row, i) => {
  if (!row[5]) return i;
  if (!index.has(row[5])) throw new Error(`commune ${row[1]} belongs to unknown commune ${row[5]}`);
  return index.get(row[5]);
}));
const deps = Buffer.alloc(2 * rows.length);
rows.forEach((row, i) => deps.writeInt16BE(depIndex.get(row[3]), 2 * i));
parts.push(deps);
i32s(rows.map(row => Number(row[6]) || 0));
u32(postal.length);
i32s(postal.map(p => p[0]));
i32s(postal.map(p => p[2]));

mkdirSync(dirname(outFile), { recursive: true });
const gz = gzipSync(Buffer.concat(parts), { level: 9 });
writeFileSync(outFile, gz);
console.log(`geography: ${PACKAGE} ${wanted} (COG ${millesime}): ${regions.length} régions, ${departements.length} départements, `
  + `${rows.length} commune codes -> ${outFile} (${gz.length} B)`);

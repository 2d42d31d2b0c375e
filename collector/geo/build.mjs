// Build step of the collector (run by Maven in generate-resources): turns the Code officiel
// géographique, as the npm package @etalab/decoupage-administratif publishes it, into one small
// gzipped TSV that the collector loads once at start (fr.jdma.collector.geo.Geography).
//
//   node build.mjs <output directory>      writes <dir>/geo/cog.tsv.gz
//
// Lines (tab-separated, UTF-8); the first is a comment naming the source and its version:
//   # source  @etalab/decoupage-administratif  <version>  <millésime>
//   R  region code  name
//   D  département code  name  region code
//   C  commune code  name  département code  kind  current commune  population  postal codes (space-separated)
// kind: c commune (commune actuelle), m arrondissement municipal, d commune déléguée,
// a commune associée, o former code of a commune (anciensCodes). For every kind but c, "current
// commune" is the code of the commune it belongs to today (Paris 75056 for 75115).
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
const outFile = join(outDir, 'geo', 'cog.tsv.gz');

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
const lines = [`# source\t${PACKAGE}\t${wanted}\t${millesime}`];
for (const r of regions) lines.push(['R', r.code, clean(r.nom)].join('\t'));
for (const d of departements) lines.push(['D', d.code, clean(d.nom), d.region].join('\t'));

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
for (const row of rows) lines.push(row.join('\t'));

// Every département and région named by a commune must exist, or the collector would show a blank.
const depCodes = new Set(departements.map(d => d.code));
const regionCodes = new Set(regions.map(r => r.code));
for (const row of rows) if (!depCodes.has(row[3])) throw new Error(`commune ${row[1]}: unknown département ${row[3]}`);
for (const d of departements) if (!regionCodes.has(d.region)) throw new Error(`département ${d.code}: unknown région ${d.region}`);

mkdirSync(dirname(outFile), { recursive: true });
const gz = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
writeFileSync(outFile, gz);
console.log(`geography: ${PACKAGE} ${wanted} (COG ${millesime}): ${regions.length} régions, ${departements.length} départements, `
  + `${rows.length} commune codes -> ${outFile} (${gz.length} B)`);

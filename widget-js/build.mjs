// Bundles src/ into one minified file, writes the manifest the collector serves it by
// (version, SRI hash) and prints the size: the widget's weight is a number on every build.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_GZIP = 5120;
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url)));

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['src/index.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  outfile: 'dist/jdma.js',
});

const code = readFileSync('dist/jdma.js');
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync('dist/manifest.json', JSON.stringify({ version, file: 'jdma.js', integrity, bytes: code.length, gzip, brotli }, null, 2) + '\n');

console.log(`jdma.js ${version}: ${code.length} B raw, ${gzip} B gzip, ${brotli} B brotli (budget ${BUDGET_GZIP} B gzip)`);
if (gzip > BUDGET_GZIP) {
  console.error(`jdma.js is over its budget: ${gzip} B gzip > ${BUDGET_GZIP} B`);
  process.exit(1);
}

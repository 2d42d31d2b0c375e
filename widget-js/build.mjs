// Bundles src/ into one minified file, writes the manifest the collector serves it by
// (version, SRI hash) and prints the size: the widget's weight is a number on every build.
// esbuild bundles; terser then minifies the one file harder (a few % under esbuild's own).
// Every released version stays served: releases/<version>.js holds its exact bytes (sites pin
// /widget/v<version>/jdma.js with an SRI hash), and a build whose bytes differ from its own
// version's release fails, so a change cannot go out under a version already released.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync, rmSync, copyFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// JS + CSS + faces + both modes; 1.2.0's time-ordered ids (uuid7, 45 B) took it to 5,158 B for a while, and 1.2.1
// won those bytes back (one text table, one send function, shorter selectors and rules)
const BUDGET_GZIP = 5120;
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url)));

mkdirSync('dist', { recursive: true });
// the stylesheet, minified, becomes the string __CSS__ in the code
const css = (await transform(readFileSync('src/style.css', 'utf8'), { loader: 'css', minify: true })).code.trim();
// contract.js reads contract/questions.json; the bundle gets its values only (compact strings)
const contract = await import('./src/contract.js');
const contractValues = {
  name: 'contract-values',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]contract\.js$/ }, () => ({
      loader: 'js',
      contents: Object.entries(contract).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n'),
    }));
  },
};
const bundle = await build({
  plugins: [contractValues],
  entryPoints: ['src/index.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version), __CSS__: JSON.stringify(css) },
  write: false,
});
const minified = await minify(bundle.outputFiles[0].text, {
  ecma: 2019,
  compress: { passes: 3, toplevel: true, unsafe_arrows: true, pure_getters: true },
  mangle: { toplevel: true },
  format: { ascii_only: true },
});
writeFileSync('dist/jdma.js', minified.code);

const code = readFileSync('dist/jdma.js');
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const integrity = sri(code);

console.log(`jdma.js ${version}: ${code.length} B raw, ${gzip} B gzip, ${brotli} B brotli (budget ${BUDGET_GZIP} B gzip)`);
if (gzip > BUDGET_GZIP) {
  console.error(`jdma.js is over its budget: ${gzip} B gzip > ${BUDGET_GZIP} B`);
  process.exit(1);
}

// this version's release: written by its first build (commit it), compared by every later one
const released = `releases/${version}.js`;
if (!existsSync(released)) {
  writeFileSync(released, code);
  console.log(`jdma.js ${version}: a new release, ${released} written (commit it: its bytes are now fixed)`);
} else if (!code.equals(readFileSync(released))) {
  console.error(`jdma.js ${version} is already released with other bytes (${released}), and sites pin it by its SRI hash: `
    + `give this change a new version in package.json (or, if ${released} was never committed, delete it)`);
  process.exit(1);
}
// every release, served under its own version next to the current one
rmSync('dist/releases', { recursive: true, force: true });
mkdirSync('dist/releases');
const releases = {};
for (const file of readdirSync('releases').filter((f) => /^\d+\.\d+\.\d+\.js$/.test(f)).sort()) {
  copyFileSync(`releases/${file}`, `dist/releases/${file}`);
  releases[file.slice(0, -3)] = sri(readFileSync(`releases/${file}`));
}
writeFileSync('dist/manifest.json', JSON.stringify({ version, file: 'jdma.js', integrity, bytes: code.length, gzip, brotli, releases }, null, 2) + '\n');

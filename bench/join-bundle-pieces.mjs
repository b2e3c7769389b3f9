// What the lean student page's first load is made of (issue 12): bundles app/join/lean/main.tsx
// as scripts/build-lean-join.mjs does (minified, production React, split) and prints, per
// piece (each package, each top folder of ours), its minified bytes in the entry's scripts and
// a gzip estimate: the piece's share of the scripts' raw bytes times their gzip size (gzip
// shares its dictionary across pieces, so a piece alone compresses differently). Bytes, not
// time: the machine's load does not change them. Usage: node bench/join-bundle-pieces.mjs
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'app/join/lean/main.tsx' },
  outdir: join(root, '.lean', 'pieces'),
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'next/link': join(root, 'app/join/lean/plain-link.tsx') },
  metafile: true,
  write: false,
  logLevel: 'error',
});

const outputs = Object.fromEntries(result.outputFiles.map((f) => [f.path.slice(root.length + 1), f.contents]));
const meta = result.metafile.outputs;
const entry = Object.keys(meta).find((p) => meta[p].entryPoint === 'app/join/lean/main.tsx');
// The first load: the entry and what it imports statically (the lazy game screen is fetched once seated).
const firstLoad = [entry, ...meta[entry].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)];
const lazy = Object.keys(meta).filter((p) => p.endsWith('.js') && !firstLoad.includes(p));

function pieceOf(input) {
  const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  return input.split('/').slice(0, input.startsWith('app/') || input.startsWith('shared/') ? 2 : 1).join('/');
}

function report(title, files) {
  const raw = files.reduce((n, f) => n + outputs[f].length, 0);
  const gz = files.reduce((n, f) => n + gzipSync(outputs[f]).length, 0);
  const pieces = {};
  for (const f of files) for (const [input, { bytesInOutput }] of Object.entries(meta[f].inputs)) pieces[pieceOf(input)] = (pieces[pieceOf(input)] ?? 0) + bytesInOutput;
  const kib = (n) => (n / 1024).toFixed(1).padStart(6);
  console.log(`${title}: ${files.length} scripts, ${kib(raw)} KiB raw, ${kib(gz)} KiB gzip`);
  for (const [piece, bytes] of Object.entries(pieces).sort((a, b) => b[1] - a[1])) console.log(`  ${kib(bytes)} KiB raw  ~${kib((bytes / raw) * gz)} KiB gzip  ${piece}`);
}

report('first load (join form)', firstLoad);
report('fetched once seated (game screen)', lazy);

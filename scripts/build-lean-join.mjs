#!/usr/bin/env node
/**
 * Builds the lean student page (issue 12): /join and /join/CODE without Next's client
 * runtime. The same React components (app/join/lean/main.tsx and what it imports) are
 * bundled by esbuild, minified, with the game screen split into its own chunk (it is a
 * lazy import); the CSS is the same Tailwind build of app/globals.css that Next makes; each
 * HTML shell carries its page's first render (app/join/lean/prerender.tsx), so the join
 * form paints before any script runs. Output in .lean/join/ (dev: .lean/join-dev/), served by
 * server/http/lean-join-route.ts. Why esbuild: it was already installed (tsx runs on it),
 * it splits ES modules and tree-shakes zod/mini, and the whole build takes 1-3 s.
 * Usage: node scripts/build-lean-join.mjs   (or imported: build-if-needed.mjs, the dev server)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

// esbuild, PostCSS and Tailwind are loaded when a build runs, not when `npm start` only
// checks whether one is needed (scripts/build-if-needed.mjs imports this file).
const tools = async () => ({
  esbuild: await import('esbuild'),
  postcss: (await import('postcss')).default,
  tailwind: (await import('@tailwindcss/postcss')).default,
});

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Production in .lean/join, dev in .lean/join-dev: `npm run dev` never overwrites what `npm start` serves. */
export const leanJoinDir = (dev = false) => join(projectRoot, '.lean', dev ? 'join-dev' : 'join');
/** The URL prefix of the page's scripts and CSS; their names carry a content hash. */
export const LEAN_ASSET_PREFIX = '/join-assets/';
/** Written last: its presence means a complete build (build-if-needed.mjs compares its age). */
const manifestPath = (dev) => join(leanJoinDir(dev), 'manifest.json');

const PAGES = ['join', 'seat', 'bad-code'];
// Next's link needs Next's router; in this bundle a link is a plain <a> (plain-link.tsx says why).
const alias = { 'next/link': join(projectRoot, 'app/join/lean/plain-link.tsx') };

function browserOptions(dev) {
  return {
    absWorkingDir: projectRoot,
    entryPoints: { main: 'app/join/lean/main.tsx' },
    outdir: join(leanJoinDir(dev), 'assets'),
    entryNames: 'student-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: 'asset-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // The browsers Next 16 supports (its browserslist default), so no syntax is lowered needlessly.
    target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
    jsx: 'automatic',
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    legalComments: dev ? 'inline' : 'linked',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    alias,
    metafile: true,
    write: true,
    logLevel: 'warning',
    // 'use client' marks these files for Next; here every file is client code already.
    logOverride: { 'module-level-directive': 'silent' },
  };
}

/** The first render, in Node: the same components; packages stay external (one React renders). */
async function prerender(dev, { esbuild }) {
  const outfile = join(leanJoinDir(dev), 'prerender.mjs');
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: ['app/join/lean/prerender.tsx'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    packages: 'external',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    alias,
    logLevel: 'warning',
    logOverride: { 'module-level-directive': 'silent' },
  });
  // A fresh URL each build: the dev server imports it again after every change.
  const module = await import(`${pathToFileURL(outfile).href}?build=${Date.now()}`);
  return module.prerenderStudentPages();
}

async function buildCss(dev, { postcss, tailwind }) {
  const from = join(projectRoot, 'app/globals.css');
  const result = await postcss([tailwind({ base: projectRoot, optimize: dev ? false : { minify: true } })]).process(readFileSync(from, 'utf8'), { from });
  const name = `student-${createHash('sha256').update(result.css).digest('hex').slice(0, 10)}.css`;
  writeFileSync(join(leanJoinDir(dev), 'assets', name), result.css);
  return name;
}

/** The scripts main imports before it runs: preloaded by the shell so they load in parallel, not in a waterfall. */
function entryFiles(metafile) {
  const [mainPath, main] = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === 'app/join/lean/main.tsx');
  const statics = main.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const base = (p) => p.split('/').pop();
  return { main: base(mainPath), preload: statics.map(base) };
}

function shell({ body, css, main, preload }) {
  const preloads = preload.map((file) => `<link rel="modulepreload" href="${LEAN_ASSET_PREFIX}${file}"/>`).join('');
  // The head says what Next's root layout said (app/layout.tsx: title, description, viewport, theme colour, icon).
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>' +
    `<link rel="stylesheet" href="${LEAN_ASSET_PREFIX}${css}"/>` +
    `<link rel="modulepreload" href="${LEAN_ASSET_PREFIX}${main}"/>${preloads}` +
    '<title>Captain Down</title>' +
    '<meta name="description" content="A live classroom game: every phone is a node, and the class elects its captain."/>' +
    '<link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any"/>' +
    '<meta name="theme-color" content="#06142b"/>' +
    `<script type="module" src="${LEAN_ASSET_PREFIX}${main}"></script>` +
    `</head><body class="min-h-dvh font-sans antialiased"><div id="student-page">${body}</div></body></html>`
  );
}

/** Builds everything into leanJoinDir(dev) and returns the manifest (page -> HTML file, assets). */
export async function buildLeanJoin({ dev = false } = {}) {
  // The previous build's assets stay one more build: a running server holds its HTML shells
  // in memory and still names them (a rebuild under a live class must not break phones).
  const dir = leanJoinDir(dev);
  const previous = existsSync(manifestPath(dev)) ? JSON.parse(readFileSync(manifestPath(dev), 'utf8')).assets ?? [] : [];
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const loaded = await tools();
  const [bundle, css, bodies] = await Promise.all([loaded.esbuild.build(browserOptions(dev)), buildCss(dev, loaded), prerender(dev, loaded)]);
  const files = entryFiles(bundle.metafile);
  const manifest = { builtAt: new Date().toISOString(), dev, assetPrefix: LEAN_ASSET_PREFIX, pages: {}, assets: Object.keys(bundle.metafile.outputs).map((p) => p.split('/').pop()).concat(css) };
  for (const page of PAGES) {
    writeFileSync(join(dir, `${page}.html`), shell({ body: bodies[page], css, ...files }));
    manifest.pages[page] = `${page}.html`;
  }
  // Gzipped once here, at the highest level, rather than on every request (phones on a
  // LAN address get plain http, where browsers offer gzip but not brotli).
  for (const file of manifest.assets) {
    const path = join(dir, 'assets', file);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
  writeFileSync(manifestPath(dev), JSON.stringify(manifest, null, 2));
  const keep = new Set([...manifest.assets, ...previous].flatMap((file) => [file, `${file}.gz`]));
  for (const file of readdirSync(join(dir, 'assets'))) if (!keep.has(file)) rmSync(join(dir, 'assets', file));
  return manifest;
}

/** What the page is built from; server/ is not in it. */
const SOURCES = ['app', 'shared', 'scripts/build-lean-join.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];


/** Why the page needs building (a reason to print), or null when its build is newer than every source. */
export function leanJoinIsStale({ dev = false } = {}) {
  if (!existsSync(manifestPath(dev))) return 'no lean student page yet';
  const builtAt = statSync(manifestPath(dev)).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(projectRoot, source)) > builtAt);
  return changed ? `${changed} changed since the last lean build` : null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildLeanJoin({ dev: process.argv.includes('--dev') }).then(
    (manifest) => console.log(`Lean student page built in ${Date.now() - started} ms: ${manifest.assets.join(', ')}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

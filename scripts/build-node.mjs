// Bundles the Node side (CLI and server) and the Electron main/preload with esbuild. Dependencies stay
// external: they are installed beside the bundle (node_modules, or app.asar when packaged).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

const cli = {
  ...common,
  packages: 'external',
  entryPoints: { cli: 'src-main/cli/index.ts' },
  outdir: 'dist/node',
  format: 'esm',
};

// The worker threads' entry (src-main/workers/pool.ts finds it in dist/node), with its dependencies bundled
// in: packaged, it runs from app.asar.unpacked, where a worker cannot resolve packages inside app.asar.
// CommonJS, because some of those packages (exceljs) still use require().
const worker = {
  ...common,
  entryPoints: { worker: 'src-main/workers/entry.ts' },
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// Electron's main process loads CommonJS; the ESM-only `import.meta.url` (src-main/paths.ts falls back to
// it) gets a CommonJS equivalent defined at the top of the bundle. Only production dependencies stay
// external (native modules such as better-sqlite3 among them), because electron-builder packs only
// those: anything else the main process imports is bundled in rather than missing from the installed app.
const electronMain = {
  ...common,
  entryPoints: { main: 'src-main/electron/main.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// A sandboxed preload runs in the renderer, may not be an ES module and can require only 'electron':
// everything else it uses is bundled in, and a Node built-in would fail the build here.
const electronPreload = {
  ...common,
  platform: 'browser',
  target: 'chrome130',
  entryPoints: { preload: 'src-main/electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
};

await Promise.all([build(cli), build(worker), build(electronMain), build(electronPreload)]);

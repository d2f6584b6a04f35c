// Bundles the Node side (CLI and server) and the Electron main/preload with esbuild. Dependencies stay
// external: they are installed beside the bundle (node_modules, or app.asar when packaged).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'src-main/cli/index.ts' }, outdir: 'dist/node', format: 'esm' }),
]);

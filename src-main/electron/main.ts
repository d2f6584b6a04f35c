/** Entry point of the Electron main process, bundled to dist/electron/main.cjs (package.json "main"). */
import path from 'node:path';
import { defaultDataDir } from '../paths';
import { runDesktopApp } from './lifecycle';

runDesktopApp({
  dataDir: defaultDataDir(),
  // The preload is bundled beside this file.
  preloadPath: path.join(__dirname, 'preload.cjs'),
});

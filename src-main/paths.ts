/**
 * Where the app's files are: the resources shipped with it (migrations, fonts, the built UI) and the
 * data folder that holds the database. The same code runs from the repository, from the esbuild bundle
 * and inside the packaged Electron app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function hereDir(): string {
  // CJS bundles (the Electron main process) have __dirname; ESM has import.meta.url.
  return typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
}

/** The folder of the running bundle (dist/node or dist/electron), or null when running the TypeScript sources. */
export function bundledCodeDir(): string | null {
  const dir = hereDir();
  return dir.split(path.sep).includes('dist') ? dir : null;
}

let cachedRoot: string | null = null;

/** The folder holding the app's package.json (the repository, or app.asar when packaged). */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.resolve(hereDir());
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if ((JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name === 'truongso') {
          cachedRoot = dir;
          return dir;
        }
      } catch {
        // A package.json we cannot read is not ours; keep looking upwards.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Trường Số package root above ${hereDir()}`);
    dir = parent;
  }
}

/** Packaged Electron puts extra resources beside app.asar; elsewhere they are in the repository. */
function packagedResources(): string | null {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return resourcesPath && fs.existsSync(path.join(resourcesPath, 'migrations')) ? resourcesPath : null;
}

export function migrationsDir(): string {
  if (process.env.TRUONGSO_MIGRATIONS) return process.env.TRUONGSO_MIGRATIONS;
  const packaged = packagedResources();
  return packaged ? path.join(packaged, 'migrations') : path.join(appRoot(), 'src-main', 'store', 'migrations');
}

export function resourcesDir(): string {
  const packaged = packagedResources();
  return packaged ? path.join(packaged, 'resources') : path.join(appRoot(), 'resources');
}

export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** The per-user data folder: the same one the desktop app and the CLI use. */
export function defaultDataDir(): string {
  if (process.env.TRUONGSO_DATA) return process.env.TRUONGSO_DATA;
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'truongso');
  }
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'truongso');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'truongso');
}

/** The demo school's own folder, so `serve --demo` never touches a real school's data. */
export function demoDataDir(): string {
  return path.join(defaultDataDir(), 'demo');
}

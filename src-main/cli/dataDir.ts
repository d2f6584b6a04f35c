import path from 'node:path';
import { defaultDataDir } from '../paths';
import type { GlobalOptions } from './output';

export function dataDirOf(options: GlobalOptions): string {
  return path.resolve(options.data ?? defaultDataDir());
}

/** Opening the school's data for one CLI command, and the lookups several commands share. */
import { createApp, silentLogger } from '../core/app';
import { isInitialized } from '../core/school/service';
import { resolveYear } from '../core/records/years';
import { isAppError } from '../errors';
import { t } from '../../src-shared/i18n';
import type { AppContext } from '../core/context';
import { dataDirOf } from './dataDir';
import { CliError, EXIT_MISUSE, type GlobalOptions } from './output';

export type App = AppContext & { close(): void };

/** Runs the work on an initialised school's data; the store's errors become Vietnamese CLI messages. */
export async function withApp<T>(options: GlobalOptions, work: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp({ dataDir: dataDirOf(options), log: silentLogger, use: 'tool' });
  try {
    if (!isInitialized(app.store)) throw new CliError('Trường chưa được thiết lập: chạy "truongso init" trước');
    return await work(app);
  } catch (e) {
    if (isAppError(e)) throw new CliError(t('vi', e.key, e.params));
    throw e;
  } finally {
    app.close();
  }
}

/** The school year named on the command line ("2025-2026"), or the current one. */
export function yearIdOf(app: App, name: string | undefined): number {
  if (name === undefined) return resolveYear(app.store).id;
  const id = app.store.statement('SELECT id FROM school_years WHERE name = ?').pluck().get(name) as number | undefined;
  if (id === undefined) throw new CliError(`Không có năm học ${name}`, EXIT_MISUSE);
  return id;
}

/** A class of the year by its name, case-insensitively. */
export function classIdOf(app: App, yearId: number, name: string): number {
  const id = app.store
    .statement('SELECT id FROM classes WHERE school_year_id = ? AND upper(name) = upper(?)')
    .pluck()
    .get(yearId, name) as number | undefined;
  if (id === undefined) throw new CliError(`Không có lớp ${name}`, EXIT_MISUSE);
  return id;
}

/**
 * The USB tokens plugged into this PC, through the desktop app's bridge, in the same shape as the
 * server's `signing.tokens` answer so the token picker shows both alike.
 */
import type { DesktopBridge, LocalTokenList } from '../../../../src-shared/api/bridge';
import { useResultLoader, type ProcedureState } from '../../../lib/useProcedure';

export function useLocalTokens(
  bridge: Pick<DesktopBridge, 'listTokens'> | null,
  modulePath: string | undefined,
): ProcedureState<LocalTokenList> {
  const key = bridge ? JSON.stringify(modulePath ?? null) : null;
  return useResultLoader(key, () => bridge!.listTokens(modulePath ? { modulePath } : {}));
}

/**
 * "Hỏng" / "hoạt động" in one click, as the IT teacher walks along the computer room: no question
 * first, but the message that confirms the change carries an undo button for a slip of the finger.
 */
import { useCallback } from 'react';
import { App, Button } from 'antd';
import type { ComputerView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';

/** How long the undo button stays on screen, in seconds. */
const UNDO_SECONDS = 8;

export function useWorkingToggle(onChanged: () => void): (computer: ComputerView) => Promise<void> {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();

  const setWorking = useCallback(
    (c: ComputerView, working: boolean) =>
      client.call('records.computers.update', {
        id: c.id,
        version: c.version,
        code: c.code,
        roomId: c.roomId,
        kind: c.kind,
        purpose: c.purpose,
        working,
        hasInternet: c.hasInternet,
        yearAcquired: c.yearAcquired,
        notes: c.notes,
      }),
    [client],
  );

  return useCallback(
    async (before: ComputerView) => {
      const key = `computer-working-${before.id}`;
      const changed = await setWorking(before, !before.working);
      onChanged();
      if (!changed.ok) {
        void message.open({ key, type: 'error', content: changed.error.message });
        return;
      }
      const undo = async () => {
        message.destroy(key);
        const back = await setWorking(changed.value, before.working);
        onChanged();
        void message.open(
          back.ok
            ? { key, type: 'success', content: t('facilities.computer.undone', { code: before.code }) }
            : { key, type: 'error', content: back.error.message },
        );
      };
      void message.open({
        key,
        type: 'success',
        duration: UNDO_SECONDS,
        content: (
          <span>
            {t(before.working ? 'facilities.computer.markedBroken' : 'facilities.computer.markedWorking', {
              code: before.code,
            })}{' '}
            <Button type="link" size="small" onClick={() => void undo()}>
              {t('facilities.undo')}
            </Button>
          </span>
        ),
      });
    },
    [setWorking, onChanged, message, t],
  );
}

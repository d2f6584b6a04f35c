/**
 * Deleting a record others depend on, as the server wants it: ask first; the server then refuses a
 * delete that would cascade (rule_violation with details.needsConfirmation) and says in Vietnamese what
 * would happen; that message is shown in a second dialog, and only after it is accepted is the delete
 * sent again with cascade.
 */
import { useCallback } from 'react';
import { App } from 'antd';
import type { Result } from '../../../../src-shared/api/envelope';
import { useT } from '../../../i18n/LocaleContext';

export interface ConfirmedDelete {
  /** The first question: "Xóa lớp 1A?". */
  title: string;
  /** What the first dialog adds below the title, if anything. */
  content?: string;
  run(cascade: boolean): Promise<Result<unknown>>;
  onDeleted(): void;
}

export function useConfirmedDelete(): (request: ConfirmedDelete) => void {
  const t = useT();
  const { modal, message } = App.useApp();

  return useCallback(
    ({ title, content, run, onDeleted }: ConfirmedDelete) => {
      const finish = (result: Result<unknown>) => {
        if (result.ok) {
          void message.success(t('delete.done'));
          onDeleted();
        } else void message.error(result.error.message);
      };
      modal.confirm({
        title,
        content,
        okText: t('common.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: async () => {
          const first = await run(false);
          if (first.ok || first.error.code !== 'rule_violation' || first.error.details?.needsConfirmation !== true) {
            finish(first);
            return;
          }
          modal.confirm({
            title: t('delete.cascadeTitle'),
            content: first.error.message,
            okText: t('delete.cascadeOk'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: async () => finish(await run(true)),
          });
        },
      });
    },
    [modal, message, t],
  );
}

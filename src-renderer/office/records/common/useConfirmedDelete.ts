/**
 * Deleting a record others depend on, as the server wants it: ask first; the server then refuses a
 * delete that would cascade (rule_violation with details.needsConfirmation) and says in Vietnamese what
 * would happen; that message is shown in a second dialog where the user types the record's name (or
 * XÓA) before the delete is sent again with cascade.
 */
import { useCallback } from 'react';
import { App } from 'antd';
import type { Result } from '../../../../src-shared/api/envelope';
import { useT } from '../../../i18n/LocaleContext';
import { useTypedConfirm } from '../../common/useTypedConfirm';

export interface ConfirmedDelete {
  /** The first question: "Xóa lớp 1A?". */
  title: string;
  /** What the first dialog adds below the title, if anything. */
  content?: string;
  /** What the user types to accept a cascade: the record's short name (a class's "1A"); XÓA when none. */
  confirmPhrase?: string;
  run(cascade: boolean): Promise<Result<unknown>>;
  onDeleted(): void;
}

export function useConfirmedDelete(): (request: ConfirmedDelete) => void {
  const t = useT();
  const { modal, message } = App.useApp();
  const typedConfirm = useTypedConfirm();

  return useCallback(
    ({ title, content, confirmPhrase, run, onDeleted }: ConfirmedDelete) => {
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
          typedConfirm({
            title: t('delete.cascadeTitle'),
            content: first.error.message,
            phrase: confirmPhrase,
            okText: t('delete.cascadeOk'),
            onOk: async () => finish(await run(true)),
          });
        },
      });
    },
    [modal, message, t, typedConfirm],
  );
}

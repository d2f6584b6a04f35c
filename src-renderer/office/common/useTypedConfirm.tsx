/**
 * The confirmation of a change that cannot be taken back and reaches beyond one record (a cascade, a
 * bulk delete): the red button works only once the user has typed the word the dialog shows — the
 * class's name, or XÓA — so a reflex click or Enter cannot do it. Case and diacritics do not matter:
 * a PC without a Vietnamese keyboard can type "xoa".
 */
import { useCallback, useId, type ReactNode } from 'react';
import { App, Input, Typography } from 'antd';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { useT } from '../../i18n/LocaleContext';

export interface TypedConfirmRequest {
  title: string;
  /** What will happen, in words. */
  content?: ReactNode;
  /** The word to type; XÓA when none is given. */
  phrase?: string;
  okText: string;
  onOk(): Promise<void> | void;
}

export function typedPhraseMatches(typed: string, phrase: string): boolean {
  const want = foldForSearch(phrase);
  return want !== '' && foldForSearch(typed) === want;
}

const PLACE = '\u0000';

function TypedConfirmBody({
  content,
  phrase,
  onMatch,
}: {
  content?: ReactNode;
  phrase: string;
  onMatch(matches: boolean): void;
}) {
  const t = useT();
  const hintId = useId();
  // The word stands out inside the sentence, wherever the language puts it.
  const [before, after] = t('confirm.typeToConfirm', { phrase: PLACE }).split(PLACE);
  return (
    <>
      {content && <div style={{ marginBottom: 12 }}>{content}</div>}
      <Typography.Paragraph id={hintId}>
        {before}
        <Typography.Text strong code>
          {phrase}
        </Typography.Text>
        {after}
      </Typography.Paragraph>
      <Input
        aria-label={t('confirm.typedLabel', { phrase })}
        aria-describedby={hintId}
        autoComplete="off"
        autoFocus
        onChange={(e) => onMatch(typedPhraseMatches(e.target.value, phrase))}
      />
    </>
  );
}

export function useTypedConfirm(): (request: TypedConfirmRequest) => void {
  const t = useT();
  const { modal } = App.useApp();
  return useCallback(
    ({ title, content, phrase = t('confirm.deleteWord'), okText, onOk }: TypedConfirmRequest) => {
      const instance = modal.confirm({
        title,
        content: (
          <TypedConfirmBody
            content={content}
            phrase={phrase}
            onMatch={(matches) => instance.update({ okButtonProps: { danger: true, disabled: !matches } })}
          />
        ),
        okText,
        okButtonProps: { danger: true, disabled: true },
        cancelText: t('common.cancel'),
        // The typed word, not a default button, is what confirms.
        autoFocusButton: null,
        onOk,
      });
    },
    [modal, t],
  );
}

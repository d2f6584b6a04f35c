/**
 * The edit and delete links in a table row. Each is named after its row ("Sửa lớp 1A"), so that a
 * screen reader, and a test, tells the rows' buttons apart; the visible text stays short.
 */
import { Button } from 'antd';
import { useT } from '../../i18n/LocaleContext';

export function EditLink({ label, onClick }: { label: string; onClick(): void }) {
  const t = useT();
  return (
    <Button type="link" size="small" aria-label={label} onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
}

export function DeleteLink({ label, onClick }: { label: string; onClick(): void }) {
  const t = useT();
  return (
    <Button type="link" size="small" danger aria-label={label} onClick={onClick}>
      {t('common.delete')}
    </Button>
  );
}

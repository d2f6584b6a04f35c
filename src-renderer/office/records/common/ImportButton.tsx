/** "Nhập từ Excel": opens the import wizard for a list's records. */
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/LocaleContext';
import type { ImportKind } from '../import/ImportPage';

export function ImportButton({ kind }: { kind: ImportKind }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button icon={<ImportOutlined />} onClick={() => void navigate(`/records/${kind}/import`)}>
      {t('import.fromExcel')}
    </Button>
  );
}

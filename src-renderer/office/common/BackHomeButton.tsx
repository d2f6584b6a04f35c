import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/LocaleContext';

export function BackHomeButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

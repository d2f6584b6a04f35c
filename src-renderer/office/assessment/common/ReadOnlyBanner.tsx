/** Why a sheet cannot be edited: the point is locked (khóa sổ), or it is not the user's to enter. */
import { Alert } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { useT } from '../../../i18n/LocaleContext';
import { pointLabel } from '../labels';

export function ReadOnlyBanner({
  locked,
  canEdit,
  point,
  yearName,
  notMine,
}: {
  locked: boolean;
  canEdit: boolean;
  /** The end-of-year sheet is locked with the last point, CUOI_NAM. */
  point: PeriodicPoint;
  yearName: string;
  /** What to say when the user may only read. */
  notMine: string;
}) {
  const t = useT();
  if (locked) {
    return (
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined aria-hidden="true" />}
        role="status"
        style={{ marginBottom: 12 }}
        title={t('assessmentUi.banner.locked', { point: pointLabel(t, point), year: yearName })}
        description={t('assessmentUi.banner.lockedHint')}
      />
    );
  }
  if (!canEdit) {
    return <Alert type="info" showIcon role="status" style={{ marginBottom: 12 }} title={notMine} />;
  }
  return null;
}

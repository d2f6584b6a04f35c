/**
 * Thôi học: the pupil leaves school, with the reason the sector database asks for. The date and the
 * reason are the user's to pick; nothing is chosen for them.
 */
import { Form, Select } from 'antd';
import type { PupilView } from '../../../../src-shared/api/records';
import { DROPOUT_REASONS } from '../../../../src-shared/domain/codeLists';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions } from '../common/codeOptions';
import { PupilEventModal, type PupilEventValues } from './PupilEventModal';

interface DropOutValues extends PupilEventValues {
  reason: string;
}

export function DropOutModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  return (
    <PupilEventModal<DropOutValues>
      pupil={pupil}
      title={t('pupils.dropOutTitle', { name: pupil.fullName })}
      okText={t('pupils.dropOut')}
      danger
      dateLabel={t('pupils.leaveDate')}
      doneText={t('pupils.droppedOut', { name: pupil.fullName })}
      userChooses={['date', 'reason']}
      hint={t('pupils.dropOutHint')}
      send={(event, v) => client.call('records.pupils.dropOut', { ...event, reason: v.reason })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        label={t('pupils.dropOutReason')}
        name="reason"
        rules={[{ required: true, message: t('pupils.reasonRequired') }]}
      >
        <Select virtual={false} placeholder={t('pupils.chooseReason')} options={codeOptions(DROPOUT_REASONS)} />
      </Form.Item>
    </PupilEventModal>
  );
}

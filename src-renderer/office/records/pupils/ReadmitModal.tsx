/**
 * Nhận lại / chuyển đến: a pupil who had left comes back into a class of the current year — from
 * another school (the school is named) or after a break (no school named).
 */
import { Form, Input } from 'antd';
import type { PupilView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { ClassSelect } from '../common/ClassSelect';
import { PupilEventModal, type PupilEventValues } from './PupilEventModal';

interface ReadmitValues extends PupilEventValues {
  classId: number;
  fromSchool?: string;
}

export function ReadmitModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const classes = useProcedure('records.classes.list', {});
  return (
    <PupilEventModal<ReadmitValues>
      pupil={pupil}
      title={t('pupils.readmitTitle', { name: pupil.fullName })}
      okText={t('pupils.readmit')}
      dateLabel={t('pupils.returnDate')}
      doneText={t('pupils.readmitted', { name: pupil.fullName })}
      send={(event, v) =>
        client.call('records.pupils.readmit', {
          ...event,
          classId: v.classId,
          fromSchool: v.fromSchool?.trim() ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        label={t('pupil.class')}
        name="classId"
        rules={[{ required: true, message: t('pupils.classRequired') }]}
      >
        <ClassSelect classes={classes.data?.rows ?? []} loading={classes.loading} />
      </Form.Item>
      <Form.Item label={t('pupils.fromSchool')} name="fromSchool" extra={t('pupils.fromSchoolHint')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </PupilEventModal>
  );
}

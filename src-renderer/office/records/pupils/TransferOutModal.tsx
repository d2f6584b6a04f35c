/**
 * Chuyển đi: the pupil leaves for another school (in the province, outside it, or abroad). Nothing is
 * chosen for the user: the date and where the pupil goes are theirs to pick.
 */
import { Form, Input, Select } from 'antd';
import type { PupilView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { DESTINATIONS, destinationLabel, options, type Destination } from '../common/labels';
import { PupilEventModal, type PupilEventValues } from './PupilEventModal';

interface TransferValues extends PupilEventValues {
  destination: Destination;
  toSchool?: string;
}

export function TransferOutModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  return (
    <PupilEventModal<TransferValues>
      pupil={pupil}
      title={t('pupils.transferOutTitle', { name: pupil.fullName })}
      okText={t('pupils.transferOut')}
      danger
      dateLabel={t('pupils.leaveDate')}
      doneText={t('pupils.transferredOut', { name: pupil.fullName })}
      userChooses={['date', 'destination']}
      hint={t('pupils.transferHint')}
      send={(event, v) =>
        client.call('records.pupils.transferOut', {
          ...event,
          destination: v.destination,
          toSchool: v.toSchool?.trim() ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        label={t('pupils.destination')}
        name="destination"
        rules={[{ required: true, message: t('pupils.destinationRequired') }]}
      >
        <Select
          virtual={false}
          placeholder={t('pupils.chooseDestination')}
          options={options(DESTINATIONS, destinationLabel, t)}
        />
      </Form.Item>
      <Form.Item label={t('pupils.toSchool')} name="toSchool">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </PupilEventModal>
  );
}

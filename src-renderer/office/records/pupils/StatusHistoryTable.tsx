/**
 * Biến động: what happened to the pupil and when, with the sector database's status after it and the
 * reason or place in words (lý do thôi học, nơi chuyển đi). A leaving taken back the same day stays,
 * struck through and marked, above the event that took it back.
 */
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { z } from 'zod';
import type { pupilEventView } from '../../../../src-shared/api/records';
import { codeName, DROPOUT_REASONS, PUPIL_STATUSES } from '../../../../src-shared/domain/codeLists';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useT, type Translate } from '../../../i18n/LocaleContext';
import { destinationLabel, eventLabel } from '../common/labels';

type PupilEvent = z.infer<typeof pupilEventView>;

function detail(t: Translate, e: PupilEvent): string {
  switch (e.kind) {
    case 'dropout':
      return e.reason ? codeName(DROPOUT_REASONS, e.reason) : '';
    case 'transfer_out':
      return [e.reason ? destinationLabel(t, e.reason) : '', e.place].filter(Boolean).join(' — ');
    case 'transfer_in':
      return e.place ? t('history.fromPlace', { place: e.place }) : '';
    case 'leaving_undone':
      return t('history.undid', { event: eventLabel(t, e.reason) });
    case 'enrolled':
    case 'moved_class':
    case 'readmitted':
    case 'promoted':
    case 'repeated':
      return e.place ? t('class.label', { name: e.place }) : '';
    default:
      return [e.reason, e.place].filter(Boolean).join(' — ');
  }
}

export function StatusHistoryTable({ events }: { events: PupilEvent[] }) {
  const t = useT();
  const columns: TableColumnsType<PupilEvent> = [
    { title: t('history.date'), key: 'date', render: (_v, e) => formatIsoDateVn(e.date) },
    {
      title: t('history.event'),
      key: 'kind',
      render: (_v, e) =>
        e.undone ? (
          <Space size={4}>
            <Typography.Text delete>{eventLabel(t, e.kind)}</Typography.Text>
            <Tag>{t('history.undone')}</Tag>
          </Space>
        ) : (
          eventLabel(t, e.kind)
        ),
    },
    { title: t('history.detail'), key: 'detail', render: (_v, e) => detail(t, e) },
    {
      title: t('pupil.status'),
      key: 'status',
      render: (_v, e) => (e.status ? codeName(PUPIL_STATUSES, e.status) : ''),
    },
    { title: t('pupils.note'), dataIndex: 'note', key: 'note' },
    { title: t('history.by'), key: 'by', render: (_v, e) => e.by ?? '' },
  ];
  return (
    <Table<PupilEvent>
      rowKey="id"
      columns={columns}
      dataSource={events}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('history.noEvents') }}
    />
  );
}

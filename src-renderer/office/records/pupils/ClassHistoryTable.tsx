/** Quá trình học: the pupil's classes, year by year, with how they came in and left. */
import { Table, Tag, type TableColumnsType } from 'antd';
import type { z } from 'zod';
import type { enrolmentView } from '../../../../src-shared/api/records';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useT } from '../../../i18n/LocaleContext';
import { entryLabel, exitLabel } from '../common/labels';

type Enrolment = z.infer<typeof enrolmentView>;

export function ClassHistoryTable({ enrolments }: { enrolments: Enrolment[] }) {
  const t = useT();
  const columns: TableColumnsType<Enrolment> = [
    { title: t('year.name'), dataIndex: 'schoolYearName', key: 'year' },
    { title: t('pupil.class'), dataIndex: 'className', key: 'class' },
    { title: t('history.from'), key: 'from', render: (_v, e) => formatIsoDateVn(e.startDate) },
    {
      title: t('history.to'),
      key: 'to',
      render: (_v, e) => (e.endDate ? formatIsoDateVn(e.endDate) : <Tag color="green">{t('history.now')}</Tag>),
    },
    { title: t('history.entry'), key: 'entry', render: (_v, e) => entryLabel(t, e.entry) },
    { title: t('history.exit'), key: 'exit', render: (_v, e) => (e.exit ? exitLabel(t, e.exit) : '') },
  ];
  return (
    <Table<Enrolment>
      rowKey="id"
      columns={columns}
      dataSource={enrolments}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('history.noClasses') }}
    />
  );
}

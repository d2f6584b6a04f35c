/** The school years: which is current, their term dates; managed with school.manage. */
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SchoolYear } from '../../../../src-shared/api/school';
import type { Result } from '../../../../src-shared/api/envelope';
import { formatIsoDateVn, todayIso } from '../../../../src-shared/domain/dates';
import { defaultSchoolYear, schoolYearStartFor, SCHOOL_YEAR_NAME } from '../../../../src-shared/domain/schoolYear';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { EditLink } from '../../common/RowLinks';
import { YearFormModal } from './YearFormModal';

type Dialog = { year: SchoolYear | null } | null;

/** A new year follows the latest one the school has. */
function suggestedYear(years: SchoolYear[]) {
  const starts = years
    .map((y) => SCHOOL_YEAR_NAME.exec(y.name))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
  return defaultSchoolYear(starts.length > 0 ? Math.max(...starts) + 1 : schoolYearStartFor(todayIso()));
}

export function YearsCard({ years, canEdit, onChanged }: { years: SchoolYear[]; canEdit: boolean; onChanged(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);

  const act = async (pending: Promise<Result<unknown>>, success: string) => {
    const result = await pending;
    if (result.ok) void message.success(success);
    else void message.error(result.error.message);
    onChanged();
  };

  const columns: TableColumnsType<SchoolYear> = [
    {
      title: t('year.name'),
      key: 'name',
      render: (_v, y) => (
        <Space>
          <strong>{y.name}</strong>
          {y.isCurrent && <Tag color="blue">{t('year.current')}</Tag>}
        </Space>
      ),
    },
    { title: t('year.startDate'), key: 'startDate', render: (_v, y) => formatIsoDateVn(y.startDate) },
    { title: t('year.term1End'), key: 'term1End', render: (_v, y) => formatIsoDateVn(y.term1End) },
    { title: t('year.term2Start'), key: 'term2Start', render: (_v, y) => formatIsoDateVn(y.term2Start) },
    { title: t('year.endDate'), key: 'endDate', render: (_v, y) => formatIsoDateVn(y.endDate) },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, y) => (
        <Space size={0} wrap>
          <EditLink label={t('year.editAria', { name: y.name })} onClick={() => setDialog({ year: y })} />
          {!y.isCurrent && (
            <Button
              type="link"
              size="small"
              aria-label={t('year.setCurrentAria', { name: y.name })}
              onClick={() =>
                void act(client.call('school.years.setCurrent', { id: y.id }), t('year.nowCurrent', { name: y.name }))
              }
            >
              {t('year.setCurrent')}
            </Button>
          )}
          {!y.isCurrent && (
            <Popconfirm
              title={t('year.deleteConfirm', { name: y.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                act(client.call('school.years.delete', { id: y.id }), t('year.deleted', { name: y.name }))
              }
            >
              <Button type="link" size="small" danger aria-label={t('year.deleteAria', { name: y.name })}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('school.yearsTitle')}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ year: null })}>
            {t('year.add')}
          </Button>
        )
      }
    >
      <Table<SchoolYear>
        rowKey="id"
        columns={columns}
        dataSource={years}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
      />
      {dialog && (
        <YearFormModal
          year={dialog.year}
          suggested={suggestedYear(years)}
          onClose={() => setDialog(null)}
          onChanged={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

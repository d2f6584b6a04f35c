/**
 * Học sinh: the pupils of a school year, searched (without diacritics) and filtered, in class-list
 * order, a page at a time; add, import, export, and move the selected pupils to another class.
 */
import { useMemo, useState } from 'react';
import { Button, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PupilRow } from '../../../../src-shared/api/records';
import { codeName, DISABILITY_TYPES, ETHNICITIES, PUPIL_STATUSES } from '../../../../src-shared/domain/codeLists';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { isPresent } from '../../../../src-shared/domain/pupilStatus';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { sexLabel } from '../common/labels';
import { useSchoolYears } from '../common/useSchoolYears';
import { useExportJob } from '../common/useExportJob';
import { ExportButton } from '../common/ExportButton';
import { ImportButton } from '../common/ImportButton';
import { PupilFilters } from './PupilFilters';
import { MoveClassModal } from './MoveClassModal';
import { PAGE_SIZES, readListState, toFilter, writeListState, type PupilListState } from './pupilListState';
import { WIDE_TABLE } from '../../layout/wideTable';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function PupilsPage() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const manage = can('records.manage');
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const { years, current } = useSchoolYears();
  const yearId = state.schoolYearId ?? current?.id;
  const classes = useProcedure('records.classes.list', yearId === undefined ? {} : { schoolYearId: yearId });
  const list = useProcedure('records.pupils.list', {
    ...toFilter(state),
    offset: (state.page - 1) * state.pageSize,
    limit: state.pageSize,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const [moving, setMoving] = useState(false);
  const exporter = useExportJob();
  // Only the current year's pupils can be moved or added: the server refuses other years.
  const isCurrentYear = yearId !== undefined && yearId === current?.id;

  const change = (changes: Partial<PupilListState>) => {
    // Any new filter starts again from the first page.
    setParams(writeListState({ ...state, ...changes, page: changes.page ?? 1 }), { replace: true });
  };

  const columns: TableColumnsType<PupilRow> = [
    {
      title: t('common.no'),
      key: 'no',
      width: 60,
      align: 'right',
      fixed: 'left',
      render: (_v, _r, index) => (state.page - 1) * state.pageSize + index + 1,
    },
    {
      title: t('pupil.fullName'),
      key: 'fullName',
      fixed: 'left',
      render: (_v, p) => <Link to={`/records/pupils/${p.id}`}>{p.fullName}</Link>,
    },
    {
      title: t('pupil.birthDate'),
      key: 'birthDate',
      render: (_v, p) => <span style={NO_WRAP}>{formatIsoDateVn(p.birthDate)}</span>,
    },
    { title: t('pupil.sex'), key: 'sex', render: (_v, p) => sexLabel(t, p.sex) },
    { title: t('pupil.ethnicity'), key: 'ethnicity', render: (_v, p) => codeName(ETHNICITIES, p.ethnicity) },
    { title: t('pupil.class'), key: 'class', render: (_v, p) => p.className ?? '—' },
    { title: t('pupil.sectorId'), key: 'sectorId', render: (_v, p) => p.sectorId ?? '' },
    {
      title: t('pupil.status'),
      key: 'status',
      render: (_v, p) => (
        <Tag color={isPresent(p.status) ? 'green' : 'default'}>{codeName(PUPIL_STATUSES, p.status)}</Tag>
      ),
    },
    {
      title: t('pupil.disability'),
      key: 'disability',
      render: (_v, p) =>
        p.disabilityType ? <Tag color="purple">{codeName(DISABILITY_TYPES, p.disabilityType)}</Tag> : null,
    },
  ];

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle
        title={t('recordsNav.pupils')}
        extra={
          <Space wrap>
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!current}
                onClick={() =>
                  void navigate(
                    isCurrentYear && state.classId
                      ? `/records/pupils/new?class=${state.classId}`
                      : '/records/pupils/new',
                  )
                }
              >
                {t('pupils.add')}
              </Button>
            )}
            {manage && <ImportButton kind="pupils" />}
            <ExportButton
              exporter={exporter}
              exportKey="pupils"
              begin={() => client.call('records.export.pupils', toFilter(state))}
            />
          </Space>
        }
      />
      <PupilFilters state={state} years={years} yearId={yearId} classes={classes.data?.rows ?? []} onChange={change} />
      {manage && selected.length > 0 && (
        <Flex gap="small" align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('pupils.selected', { count: selected.length })}</Typography.Text>
          <Button icon={<SwapOutlined />} disabled={!isCurrentYear} onClick={() => setMoving(true)}>
            {t('pupils.moveClass')}
          </Button>
          <Button type="link" onClick={() => setSelected([])}>
            {t('pupils.clearSelection')}
          </Button>
        </Flex>
      )}
      <Table<PupilRow>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading}
        size="middle"
        {...WIDE_TABLE}
        rowSelection={
          manage && isCurrentYear
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys as number[]),
                // antd names the header's box "Select all" in every language.
                getTitleCheckboxProps: () => ({ 'aria-label': t('common.selectAll') }),
                getCheckboxProps: (p) => ({
                  disabled: !isPresent(p.status),
                  'aria-label': t('pupils.selectAria', { name: p.fullName }),
                }),
              }
            : undefined
        }
        locale={{ emptyText: t('pupils.empty') }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('pupils.total', { total }),
          onChange: (page, pageSize) =>
            change(pageSize !== state.pageSize ? { pageSize, page: 1 } : { page, pageSize }),
        }}
      />
      {moving && (
        <MoveClassModal
          pupilIds={selected}
          onClose={() => setMoving(false)}
          onMoved={() => {
            setMoving(false);
            setSelected([]);
            list.reload();
            classes.reload();
          }}
        />
      )}
    </LoadGate>
  );
}

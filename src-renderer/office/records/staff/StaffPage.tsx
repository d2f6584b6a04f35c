/**
 * Cán bộ, giáo viên, nhân viên: filtered by group (CBQL/GV/NV), status and a name search; add, change,
 * delete (with the server's cascade question for a GVCN or an assigned teacher), import and export.
 */
import { Button, Flex, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { STAFF_GROUPS, type StaffView } from '../../../../src-shared/api/records';
import {
  codeName,
  QUALIFICATIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
} from '../../../../src-shared/domain/codeLists';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { DeleteLink, EditLink } from '../../common/RowLinks';
import { sexLabel, staffGroupLabel, type StaffGroup } from '../common/labels';
import { useConfirmedDelete } from '../common/useConfirmedDelete';
import { useExportJob } from '../common/useExportJob';
import { ExportButton } from '../common/ExportButton';
import { ImportButton } from '../common/ImportButton';
import { SearchBox } from '../common/SearchBox';
import { WIDE_TABLE } from '../../layout/wideTable';

const ALL = 'all';
const WORKING_STATUSES = new Set(['01', '04', '07']);

export function StaffPage() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const manage = can('records.manage');
  const [params, setParams] = useSearchParams();
  const groupParam = params.get('group');
  const group = (STAFF_GROUPS as readonly string[]).includes(groupParam ?? '') ? (groupParam as StaffGroup) : undefined;
  const status = params.get('status') === 'all' ? 'all' : 'working';
  const search = params.get('q') ?? '';
  const filter = {
    ...(group ? { staffGroup: group } : {}),
    status,
    ...(search.trim() ? { search: search.trim() } : {}),
  } as const;
  const list = useProcedure('records.staff.list', filter);
  const confirmDelete = useConfirmedDelete();
  const exporter = useExportJob();

  const change = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const remove = (s: StaffView) =>
    confirmDelete({
      title: t('staff.deleteConfirm', { name: s.fullName }),
      run: (cascade) => client.call('records.staff.delete', { id: s.id, cascade }),
      onDeleted: list.reload,
    });

  const columns: TableColumnsType<StaffView> = [
    { title: t('staff.fullName'), dataIndex: 'fullName', key: 'fullName', fixed: 'left' },
    { title: t('pupil.sex'), key: 'sex', render: (_v, s) => sexLabel(t, s.sex) },
    {
      title: t('pupil.birthDate'),
      key: 'birthDate',
      render: (_v, s) => (s.birthDate ? formatIsoDateVn(s.birthDate) : ''),
    },
    { title: t('staff.group'), key: 'group', render: (_v, s) => staffGroupLabel(t, s.staffGroup) },
    {
      title: t('staff.position'),
      key: 'position',
      render: (_v, s) => (s.position ? codeName(STAFF_POSITIONS, s.position) : ''),
    },
    {
      title: t('staff.mainSubject'),
      key: 'subject',
      render: (_v, s) => (s.mainSubject ? codeName(TEACHING_SUBJECTS, s.mainSubject) : ''),
    },
    {
      title: t('staff.qualification'),
      key: 'qualification',
      render: (_v, s) => (s.qualification ? codeName(QUALIFICATIONS, s.qualification) : ''),
    },
    { title: t('staff.homeroomOf'), key: 'homeroom', render: (_v, s) => s.homeroomOf.join(', ') },
    {
      title: t('staff.status'),
      key: 'status',
      render: (_v, s) => (
        <Tag color={WORKING_STATUSES.has(s.status) ? 'green' : 'default'}>{codeName(STAFF_STATUSES, s.status)}</Tag>
      ),
    },
    { title: t('staff.account'), key: 'account', render: (_v, s) => s.username ?? '' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            // The table scrolls sideways on small screens; the actions stay in view.
            fixed: 'right' as const,
            render: (_v: unknown, s: StaffView) => (
              <Space size={0}>
                <EditLink
                  label={t('staff.editAria', { name: s.fullName })}
                  onClick={() => void navigate(`/records/staff/${s.id}/edit`)}
                />
                <DeleteLink label={t('staff.deleteAria', { name: s.fullName })} onClick={() => remove(s)} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle
        title={t('recordsNav.staff')}
        extra={
          <Space wrap>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/records/staff/new')}>
                {t('staff.add')}
              </Button>
            )}
            {manage && <ImportButton kind="staff" />}
            <ExportButton
              exporter={exporter}
              exportKey="staff"
              begin={() => client.call('records.export.staff', filter)}
            />
          </Space>
        }
      />
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchBox
          applied={search}
          label={t('staff.search')}
          placeholder={t('staff.searchPlaceholder')}
          width={320}
          onSearch={(q) => change('q', q || undefined)}
        />
        <Segmented<string>
          aria-label={t('staff.group')}
          value={group ?? ALL}
          onChange={(value) => change('group', value === ALL ? undefined : value)}
          options={[
            { value: ALL, label: t('staff.allGroups') },
            ...STAFF_GROUPS.map((g) => ({ value: g, label: t(`staff.groupShort.${g}`) })),
          ]}
        />
        <Select<'working' | 'all'>
          virtual={false}
          aria-label={t('staff.status')}
          value={status}
          onChange={(value) => change('status', value === 'all' ? 'all' : undefined)}
          options={[
            { value: 'working', label: t('staff.filter.working') },
            { value: 'all', label: t('staff.filter.all') },
          ]}
          style={{ width: 170 }}
        />
      </Flex>
      <Table<StaffView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading}
        size="middle"
        {...WIDE_TABLE}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('staff.total', { total }) }}
        locale={{ emptyText: t('staff.empty') }}
      />
    </LoadGate>
  );
}

/**
 * Lớp học of a school year: GVCN, room, sessions per day, pupils and girls; add, change, delete (with
 * the server's cascade question), teaching assignments, the class list form and the table in Excel.
 */
import { useState } from 'react';
import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, RiseOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { ClassRow } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { DeleteLink, EditLink } from '../../common/RowLinks';
import { YearSelect } from '../common/YearSelect';
import { useSchoolYears } from '../common/useSchoolYears';
import { useConfirmedDelete } from '../common/useConfirmedDelete';
import { useExportJob } from '../common/useExportJob';
import { ExportButton } from '../common/ExportButton';
import { ClassFormModal } from './ClassFormModal';
import { AssignmentsDrawer } from './AssignmentsDrawer';
import { WIDE_TABLE } from '../../layout/wideTable';

type Dialog = { kind: 'create' } | { kind: 'edit'; cls: ClassRow } | { kind: 'assign'; cls: ClassRow } | null;

export function ClassesPage() {
  const t = useT();
  const client = useClient();
  const { can } = useSignedIn();
  const manage = can('records.manage');
  const [params, setParams] = useSearchParams();
  const { years, current } = useSchoolYears();
  const chosen = Number(params.get('year'));
  const yearId = Number.isInteger(chosen) && chosen > 0 ? chosen : current?.id;
  const list = useProcedure('records.classes.list', yearId === undefined ? {} : { schoolYearId: yearId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const confirmDelete = useConfirmedDelete();
  const exporter = useExportJob();
  const rows = list.data?.rows ?? [];

  const remove = (cls: ClassRow) =>
    confirmDelete({
      title: t('classes.deleteConfirm', { name: cls.name }),
      confirmPhrase: cls.name,
      run: (cascade) => client.call('records.classes.delete', { id: cls.id, cascade }),
      onDeleted: list.reload,
    });

  const columns: TableColumnsType<ClassRow> = [
    {
      title: t('class.name'),
      key: 'name',
      render: (_v, c) => (
        <Link to={`/records/pupils?${new URLSearchParams({ year: String(c.schoolYearId), class: String(c.id) })}`}>
          {c.name}
        </Link>
      ),
    },
    { title: t('class.grade'), dataIndex: 'grade', key: 'grade', align: 'center' },
    { title: t('class.homeroom'), key: 'homeroom', render: (_v, c) => c.homeroomName ?? '' },
    { title: t('class.room'), key: 'room', render: (_v, c) => c.roomName ?? '' },
    { title: t('class.sessionsShort'), dataIndex: 'sessionsPerDay', key: 'sessions', align: 'center' },
    { title: t('class.pupils'), dataIndex: 'pupils', key: 'pupils', align: 'right' },
    { title: t('class.girls'), dataIndex: 'girls', key: 'girls', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, c) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            aria-label={t('assignments.openAria', { name: c.name })}
            onClick={() => setDialog({ kind: 'assign', cls: c })}
          >
            {t('assignments.open')}
          </Button>
          <Button
            type="link"
            size="small"
            aria-label={t('classes.exportListAria', { name: c.name })}
            loading={exporter.runningKey === `class-${c.id}`}
            onClick={() =>
              void exporter.start(`class-${c.id}`, () => client.call('records.export.classList', { classId: c.id }))
            }
          >
            {t('classes.exportList')}
          </Button>
          {manage && (
            <>
              <EditLink
                label={t('classes.editAria', { name: c.name })}
                onClick={() => setDialog({ kind: 'edit', cls: c })}
              />
              <DeleteLink label={t('classes.deleteAria', { name: c.name })} onClick={() => remove(c)} />
            </>
          )}
        </Space>
      ),
    },
  ];

  const closeAndReload = () => {
    setDialog(null);
    list.reload();
  };

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle
        title={t('recordsNav.classes')}
        extra={
          <Space wrap>
            <YearSelect
              years={years}
              value={yearId}
              onChange={(id) => setParams(new URLSearchParams({ year: String(id) }), { replace: true })}
            />
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={yearId === undefined}
                onClick={() => setDialog({ kind: 'create' })}
              >
                {t('classes.add')}
              </Button>
            )}
            {manage && (
              <Link to="/records/classes/promotion">
                <Button icon={<RiseOutlined />}>{t('promotion.open')}</Button>
              </Link>
            )}
            <ExportButton
              exporter={exporter}
              exportKey="classes"
              begin={() => client.call('records.export.classes', yearId === undefined ? {} : { schoolYearId: yearId })}
            />
          </Space>
        }
      />
      <Table<ClassRow>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        pagination={false}
        size="middle"
        {...WIDE_TABLE}
        locale={{ emptyText: t('classes.empty') }}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>{t('classes.total', { count: rows.length })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong>{rows.reduce((sum, c) => sum + c.pupils, 0)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong>{rows.reduce((sum, c) => sum + c.girls, 0)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && yearId !== undefined && (
        <ClassFormModal
          schoolYearId={yearId}
          cls={dialog.kind === 'edit' ? dialog.cls : null}
          onClose={() => setDialog(null)}
          onChanged={closeAndReload}
        />
      )}
      {dialog?.kind === 'assign' && (
        <AssignmentsDrawer cls={dialog.cls} canManage={manage} onClose={() => setDialog(null)} />
      )}
    </LoadGate>
  );
}

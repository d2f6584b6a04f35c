/**
 * The computers one by one, filtered by room, purpose and state; add one, add a whole room, switch a
 * machine between working and broken, edit, delete (written off) and export the list as shown.
 */
import { useState } from 'react';
import { Button, Flex, Segmented, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { AppstoreAddOutlined, CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPUTER_PURPOSES, type ComputerView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { DeleteLink, EditLink } from '../../common/RowLinks';
import { useConfirmedDelete } from '../common/useConfirmedDelete';
import { ExportButton } from '../common/ExportButton';
import type { FacilityTabProps } from './FacilitiesPage';
import { ComputerFormModal } from './ComputerFormModal';
import { ComputerBulkModal } from './ComputerBulkModal';
import { RoomFilterSelect } from './RoomFilterSelect';
import { kindLabel, purposeLabel, roomFilterInput, roomLabel, type Purpose, type RoomFilter } from './labels';
import { useWorkingToggle } from './useWorkingToggle';
import { WIDE_TABLE } from '../../layout/wideTable';

const ALL = 'all';
type Dialog = { kind: 'one'; computer: ComputerView | null } | { kind: 'bulk' } | null;

export function ComputersTab({ rooms, manage, exporter, onChanged }: FacilityTabProps) {
  const t = useT();
  const client = useClient();
  const [room, setRoom] = useState<RoomFilter>(undefined);
  const [purpose, setPurpose] = useState<Purpose | undefined>(undefined);
  const [working, setWorking] = useState<boolean | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const filter = {
    ...roomFilterInput(room),
    ...(purpose ? { purpose } : {}),
    ...(working === undefined ? {} : { working }),
  };
  const list = useProcedure('records.computers.list', filter);
  const confirmDelete = useConfirmedDelete();
  const changed = () => {
    list.reload();
    onChanged();
  };
  const toggle = useWorkingToggle(changed);
  const [toggling, setToggling] = useState<number | null>(null);

  const remove = (c: ComputerView) =>
    confirmDelete({
      title: t('facilities.computers.deleteConfirm', { code: c.code }),
      content: t('facilities.computers.deleteContent'),
      run: () => client.call('records.computers.delete', { id: c.id }),
      onDeleted: changed,
    });

  const columns: TableColumnsType<ComputerView> = [
    { title: t('facilities.computer.code'), dataIndex: 'code', key: 'code' },
    { title: t('facilities.room'), key: 'room', render: (_v, c) => roomLabel(c.roomCode, c.roomName, t) },
    { title: t('facilities.computer.kind'), key: 'kind', render: (_v, c) => kindLabel(t, c.kind) },
    { title: t('facilities.computer.purpose'), key: 'purpose', render: (_v, c) => purposeLabel(t, c.purpose) },
    {
      title: t('facilities.computer.working'),
      key: 'working',
      render: (_v, c) =>
        manage ? (
          <Switch
            checked={c.working}
            loading={toggling === c.id}
            checkedChildren={t('facilities.computer.isWorking')}
            unCheckedChildren={t('facilities.computer.isBroken')}
            aria-label={t('facilities.computer.toggleAria', { code: c.code })}
            onChange={() => {
              setToggling(c.id);
              void toggle(c).finally(() => setToggling(null));
            }}
          />
        ) : (
          <Tag color={c.working ? 'green' : 'red'}>
            {t(c.working ? 'facilities.computer.isWorking' : 'facilities.computer.isBroken')}
          </Tag>
        ),
    },
    {
      title: t('facilities.computer.internet'),
      key: 'internet',
      align: 'center',
      render: (_v, c) =>
        c.hasInternet ? (
          <CheckOutlined aria-label={t('facilities.computer.hasInternet')} style={{ color: '#389e0d' }} />
        ) : null,
    },
    { title: t('facilities.yearShort'), key: 'year', align: 'right', render: (_v, c) => c.yearAcquired ?? '' },
    { title: t('facilities.notes'), dataIndex: 'notes', key: 'notes' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, c: ComputerView) => (
              <Space size={0}>
                <EditLink
                  label={t('facilities.computers.editAria', { code: c.code })}
                  onClick={() => setDialog({ kind: 'one', computer: c })}
                />
                <DeleteLink label={t('facilities.computers.deleteAria', { code: c.code })} onClick={() => remove(c)} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const closeAndReload = () => {
    setDialog(null);
    changed();
  };

  return (
    <>
      <Flex gap="small" wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap="small" wrap align="center">
          <RoomFilterSelect rooms={rooms} value={room} onChange={setRoom} />
          <Segmented<string>
            aria-label={t('facilities.computer.purpose')}
            value={purpose ?? ALL}
            onChange={(v) => setPurpose(v === ALL ? undefined : (v as Purpose))}
            options={[
              { value: ALL, label: t('facilities.computers.allPurposes') },
              ...COMPUTER_PURPOSES.map((p) => ({ value: p, label: purposeLabel(t, p) })),
            ]}
          />
          <Select<string>
            virtual={false}
            aria-label={t('facilities.computer.working')}
            value={working === undefined ? ALL : working ? 'working' : 'broken'}
            onChange={(v) => setWorking(v === ALL ? undefined : v === 'working')}
            options={[
              { value: ALL, label: t('facilities.computers.allStates') },
              { value: 'working', label: t('facilities.computers.onlyWorking') },
              { value: 'broken', label: t('facilities.computers.onlyBroken') },
            ]}
            style={{ width: 180 }}
          />
        </Flex>
        <Space wrap>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'one', computer: null })}>
              {t('facilities.computers.add')}
            </Button>
          )}
          {manage && (
            <Button icon={<AppstoreAddOutlined />} onClick={() => setDialog({ kind: 'bulk' })}>
              {t('facilities.computers.bulkAdd')}
            </Button>
          )}
          <ExportButton
            exporter={exporter}
            exportKey="computers"
            begin={() => client.call('records.export.facilities', { kind: 'computers', ...filter })}
          />
        </Space>
      </Flex>
      <Table<ComputerView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading && list.data === undefined}
        size="middle"
        {...WIDE_TABLE}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t('facilities.computers.total', { total }),
        }}
        locale={{ emptyText: t('facilities.computers.empty') }}
      />
      {dialog?.kind === 'one' && (
        <ComputerFormModal
          computer={dialog.computer}
          rooms={rooms}
          onClose={() => setDialog(null)}
          onChanged={closeAndReload}
        />
      )}
      {dialog?.kind === 'bulk' && (
        <ComputerBulkModal rooms={rooms} onClose={() => setDialog(null)} onChanged={closeAndReload} />
      )}
    </>
  );
}

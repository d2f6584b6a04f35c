/** Cơ sở vật chất: the school's rooms with a summary of their equipment and construction. */
import { useState } from 'react';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoomView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { numberFormat } from '../../../lib/format';
import { useLocale } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { DeleteLink, EditLink } from '../../common/RowLinks';
import { constructionLabel, roomTypeLabel } from '../common/labels';
import { useConfirmedDelete } from '../common/useConfirmedDelete';
import { RoomFormModal } from './RoomFormModal';
import { RoomSummary } from './RoomSummary';
import { WIDE_TABLE } from '../../layout/wideTable';

type Dialog = { room: RoomView | null } | null;

export function RoomsPage() {
  const { t, locale } = useLocale();
  const client = useClient();
  const { can } = useSignedIn();
  const manage = can('records.manage');
  const list = useProcedure('records.rooms.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const confirmDelete = useConfirmedDelete();
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  const yes = (value: boolean, label: string) =>
    value ? <CheckOutlined aria-label={label} style={{ color: '#389e0d' }} /> : null;

  const remove = (room: RoomView) =>
    confirmDelete({
      title: t('rooms.deleteConfirm', { name: room.name }),
      confirmPhrase: room.code,
      run: (cascade) => client.call('records.rooms.delete', { id: room.id, cascade }),
      onDeleted: list.reload,
    });

  const columns: TableColumnsType<RoomView> = [
    { title: t('room.code'), dataIndex: 'code', key: 'code' },
    { title: t('room.name'), dataIndex: 'name', key: 'name' },
    { title: t('room.type'), key: 'type', render: (_v, r) => roomTypeLabel(t, r.type) },
    { title: t('room.construction'), key: 'construction', render: (_v, r) => constructionLabel(t, r.construction) },
    {
      title: t('room.area'),
      key: 'area',
      align: 'right',
      render: (_v, r) => (r.areaM2 === null ? '' : `${number.format(r.areaM2)} m²`),
    },
    { title: t('room.seats'), key: 'seats', align: 'right', render: (_v, r) => r.seats ?? '' },
    {
      title: t('room.projector'),
      key: 'projector',
      align: 'center',
      render: (_v, r) => yes(r.hasProjector, t('room.projector')),
    },
    {
      title: t('room.internet'),
      key: 'internet',
      align: 'center',
      render: (_v, r) => yes(r.hasInternet, t('room.internet')),
    },
    { title: t('room.classes'), key: 'classes', render: (_v, r) => r.classes.join(', ') },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, r: RoomView) => (
              <Space size={0}>
                <EditLink label={t('rooms.editAria', { name: r.name })} onClick={() => setDialog({ room: r })} />
                <DeleteLink label={t('rooms.deleteAria', { name: r.name })} onClick={() => remove(r)} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle
        title={t('recordsNav.rooms')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ room: null })}>
              {t('rooms.add')}
            </Button>
          )
        }
      />
      {/* Remounted when a room changes, so its own figures are fetched again. */}
      <RoomSummary
        key={(list.data?.rows ?? []).map((r) => `${r.id}:${r.version}`).join()}
        rooms={list.data?.rows ?? []}
      />
      <Table<RoomView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading}
        size="middle"
        {...WIDE_TABLE}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('rooms.empty') }}
      />
      {dialog && (
        <RoomFormModal
          room={dialog.room}
          onClose={() => setDialog(null)}
          onChanged={() => {
            setDialog(null);
            list.reload();
          }}
        />
      )}
    </LoadGate>
  );
}

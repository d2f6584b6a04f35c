/** The equipment inventory, filtered by room, category and condition; add, edit, delete, export. */
import { useState } from 'react';
import { Button, Flex, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { EQUIPMENT_CATEGORIES, EQUIPMENT_CONDITIONS, type EquipmentView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { DeleteLink, EditLink } from '../../common/RowLinks';
import { useConfirmedDelete } from '../common/useConfirmedDelete';
import { ExportButton } from '../common/ExportButton';
import type { FacilityTabProps } from './FacilitiesPage';
import { EquipmentFormModal } from './EquipmentFormModal';
import { RoomFilterSelect } from './RoomFilterSelect';
import {
  CONDITION_COLORS,
  categoryLabel,
  conditionLabel,
  roomFilterInput,
  roomLabel,
  type Category,
  type Condition,
  type RoomFilter,
} from './labels';
import { WIDE_TABLE } from '../../layout/wideTable';

type Dialog = { item: EquipmentView | null } | null;

export function EquipmentTab({ rooms, manage, exporter, onChanged }: FacilityTabProps) {
  const t = useT();
  const client = useClient();
  const [room, setRoom] = useState<RoomFilter>(undefined);
  const [category, setCategory] = useState<Category | undefined>(undefined);
  const [condition, setCondition] = useState<Condition | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const filter = {
    ...roomFilterInput(room),
    ...(category ? { category } : {}),
    ...(condition ? { condition } : {}),
  };
  const list = useProcedure('records.equipment.list', filter);
  const confirmDelete = useConfirmedDelete();
  const rows = list.data?.rows ?? [];
  const changed = () => {
    list.reload();
    onChanged();
  };

  const remove = (e: EquipmentView) =>
    confirmDelete({
      title: t('facilities.equipment.deleteConfirm', { name: e.name }),
      run: () => client.call('records.equipment.delete', { id: e.id }),
      onDeleted: changed,
    });

  const columns: TableColumnsType<EquipmentView> = [
    { title: t('facilities.equipment.name'), dataIndex: 'name', key: 'name' },
    { title: t('facilities.equipment.category'), key: 'category', render: (_v, e) => categoryLabel(t, e.category) },
    { title: t('facilities.room'), key: 'room', render: (_v, e) => roomLabel(e.roomCode, e.roomName, t) },
    { title: t('facilities.equipment.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right' },
    {
      title: t('facilities.equipment.condition'),
      key: 'condition',
      render: (_v, e) => <Tag color={CONDITION_COLORS[e.condition]}>{conditionLabel(t, e.condition)}</Tag>,
    },
    { title: t('facilities.yearShort'), key: 'year', align: 'right', render: (_v, e) => e.yearAcquired ?? '' },
    { title: t('facilities.notes'), dataIndex: 'notes', key: 'notes' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, e: EquipmentView) => (
              <Space size={0}>
                <EditLink
                  label={t('facilities.equipment.editAria', { name: e.name })}
                  onClick={() => setDialog({ item: e })}
                />
                <DeleteLink label={t('facilities.equipment.deleteAria', { name: e.name })} onClick={() => remove(e)} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap="small" wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap="small" wrap align="center">
          <RoomFilterSelect rooms={rooms} value={room} onChange={setRoom} />
          <Select<Category>
            virtual={false}
            allowClear
            aria-label={t('facilities.equipment.category')}
            placeholder={t('facilities.equipment.allCategories')}
            value={category}
            onChange={(v) => setCategory(v ?? undefined)}
            options={EQUIPMENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            style={{ width: 200 }}
          />
          <Select<Condition>
            virtual={false}
            allowClear
            aria-label={t('facilities.equipment.condition')}
            placeholder={t('facilities.equipment.allConditions')}
            value={condition}
            onChange={(v) => setCondition(v ?? undefined)}
            options={EQUIPMENT_CONDITIONS.map((c) => ({ value: c, label: conditionLabel(t, c) }))}
            style={{ width: 170 }}
          />
        </Flex>
        <Space wrap>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ item: null })}>
              {t('facilities.equipment.add')}
            </Button>
          )}
          <ExportButton
            exporter={exporter}
            exportKey="equipment"
            begin={() => client.call('records.export.facilities', { kind: 'equipment', ...filter })}
          />
        </Space>
      </Flex>
      <Table<EquipmentView>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading && list.data === undefined}
        size="middle"
        {...WIDE_TABLE}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) =>
            t('facilities.equipment.total', { total, items: rows.reduce((sum, e) => sum + e.quantity, 0) }),
        }}
        locale={{ emptyText: t('facilities.equipment.empty') }}
      />
      {dialog && (
        <EquipmentFormModal
          item={dialog.item}
          rooms={rooms}
          onClose={() => setDialog(null)}
          onChanged={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
    </>
  );
}

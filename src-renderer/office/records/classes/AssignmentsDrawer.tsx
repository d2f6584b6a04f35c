/**
 * Phân công giảng dạy of one class: the subjects its grade learns (TT 32/2018), each with the teacher
 * who teaches it. A change is saved at once; those who may not manage records only read.
 */
import { useState } from 'react';
import { App, Drawer, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { ClassRow } from '../../../../src-shared/api/records';
import { subjectsForGrade, type Subject } from '../../../../src-shared/domain/subjects';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { filterByLabel } from '../common/codeOptions';

export function AssignmentsDrawer({ cls, canManage, onClose }: { cls: ClassRow; canManage: boolean; onClose(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const assignments = useProcedure('records.assignments.list', { classId: cls.id });
  const staff = useProcedure('records.staff.list', { status: 'working' });
  const [saving, setSaving] = useState<string | null>(null);

  const teacherOf = (subject: string) => assignments.data?.rows.find((a) => a.subject === subject);
  const teachers = (staff.data?.rows ?? []).filter((s) => s.staffGroup !== 'support');

  const assign = async (subject: Subject, staffId: number | null) => {
    setSaving(subject.key);
    const result = await client.call('records.assignments.set', { classId: cls.id, subject: subject.key, staffId });
    setSaving(null);
    if (result.ok) {
      void message.success(
        staffId === null
          ? t('assignments.cleared', { subject: subject.name })
          : t('assignments.saved', { subject: subject.name, name: result.value.assignment?.staffName ?? '' }),
      );
    } else void message.error(result.error.message);
    assignments.reload();
  };

  const columns: TableColumnsType<Subject> = [
    { title: t('assignments.subject'), dataIndex: 'name', key: 'name' },
    {
      title: t('assignments.periods'),
      key: 'periods',
      align: 'right',
      render: (_v, s) => s.periods[cls.grade - 1],
    },
    {
      title: t('assignments.teacher'),
      key: 'teacher',
      render: (_v, s) => {
        const current = teacherOf(s.key);
        if (!canManage)
          return current?.staffName ?? <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
        return (
          <Select<number>
            virtual={false}
            aria-label={t('assignments.teacherFor', { subject: s.name })}
            allowClear
            placeholder={t('common.notSet')}
            value={current?.staffId}
            loading={saving === s.key}
            disabled={saving !== null}
            showSearch={{ filterOption: filterByLabel }}
            onChange={(staffId) => void assign(s, staffId ?? null)}
            options={teachers.map((m) => ({ value: m.id, label: m.fullName }))}
            style={{ width: '100%', minWidth: 220 }}
          />
        );
      },
    },
  ];

  return (
    <Drawer open title={t('assignments.title', { name: cls.name })} size={640} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {t('assignments.hint', { grade: cls.grade, homeroom: cls.homeroomName ?? t('common.notSet') })}
      </Typography.Paragraph>
      <Table<Subject>
        rowKey="key"
        columns={columns}
        dataSource={subjectsForGrade(cls.grade)}
        loading={assignments.loading && assignments.data === undefined}
        pagination={false}
        size="small"
      />
    </Drawer>
  );
}

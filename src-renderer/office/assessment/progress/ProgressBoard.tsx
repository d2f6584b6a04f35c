/**
 * The progress board of a periodic point: one row a class, one column a subject (and the GVCN's
 * qualities), each cell "đã nhập/cần nhập" coloured green when complete, orange when partial, red when
 * nothing is entered yet.
 */
import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { ProgressView } from '../../../../src-shared/api/assessment';
import { SUBJECTS } from '../../../../src-shared/domain/subjects';
import { useT } from '../../../i18n/LocaleContext';
import { WIDE_TABLE } from '../../layout/wideTable';

type ClassLine = ProgressView['classes'][number];

export function progressColor(done: number, expected: number): 'success' | 'warning' | 'error' {
  if (expected > 0 && done >= expected) return 'success';
  return done > 0 ? 'warning' : 'error';
}

function Count({
  done,
  expected,
  label,
  teacher,
}: {
  done: number;
  expected: number;
  label: string;
  teacher?: string | null;
}) {
  const t = useT();
  const text = t('assessmentUi.progress.count', { done, expected });
  const aria = t('assessmentUi.progress.cellAria', { label, done, expected });
  const tag = (
    <Tag color={progressColor(done, expected)} aria-label={aria} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
  return teacher ? <Tooltip title={t('assessmentUi.progress.teacher', { name: teacher })}>{tag}</Tooltip> : tag;
}

export function ProgressBoard({ view }: { view: ProgressView }) {
  const t = useT();
  // The subjects any class has, in the programme's order.
  const names = new Map<string, string>();
  for (const c of view.classes) for (const s of c.subjects) if (!names.has(s.key)) names.set(s.key, s.name);
  const keys = [
    ...SUBJECTS.map((s) => s.key).filter((k) => names.has(k)),
    ...[...names.keys()].filter((k) => !SUBJECTS.some((s) => s.key === k)),
  ];

  const columns: TableColumnsType<ClassLine> = [
    {
      title: t('assessmentUi.progress.class'),
      key: 'class',
      fixed: 'left',
      render: (_v, c) => t('class.label', { name: c.name }),
    },
    { title: t('assessmentUi.progress.pupils'), key: 'pupils', dataIndex: 'pupils', align: 'right', width: 70 },
    ...keys.map((key) => ({
      title: names.get(key),
      key,
      align: 'center' as const,
      render: (_v: unknown, c: ClassLine) => {
        const s = c.subjects.find((x) => x.key === key);
        if (!s) return <span aria-hidden="true">—</span>;
        return (
          <Count
            done={s.done}
            expected={s.expected}
            teacher={s.teacher}
            label={t('assessmentUi.progress.subjectOf', { subject: s.name, class: c.name })}
          />
        );
      },
    })),
    {
      title: t('assessmentUi.progress.qualities'),
      key: 'qualities',
      align: 'center',
      render: (_v, c) => (
        <Count
          done={c.qualities.done}
          expected={c.qualities.expected}
          label={t('assessmentUi.progress.qualitiesOf', { class: c.name })}
        />
      ),
    },
  ];

  return (
    <Table<ClassLine>
      aria-label={t('assessmentUi.progress.tableLabel')}
      rowKey="classId"
      columns={columns}
      dataSource={view.classes}
      pagination={false}
      size="small"
      bordered
      {...WIDE_TABLE}
      locale={{ emptyText: t('assessmentUi.noClasses') }}
    />
  );
}

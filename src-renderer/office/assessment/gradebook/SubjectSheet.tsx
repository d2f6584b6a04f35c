/**
 * Sổ theo dõi chất lượng giáo dục, one subject at one periodic point: STT, Họ và tên, then (where TT27
 * prescribes a test) Điểm KTĐK before Mức đạt được, since the level needs the score; the re-test score
 * on demand; Nhận xét. Each row saves itself as it changes; a locked point or a subject the user does
 * not teach is shown read-only under a banner.
 */
import { useCallback, useMemo, useState } from 'react';
import { Flex, Switch, Typography } from 'antd';
import type { GradebookView } from '../../../../src-shared/api/assessment';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { useT } from '../../../i18n/LocaleContext';
import { SheetGrid, type SheetChange, type SheetColumn } from '../sheet/SheetGrid';
import { RowStatus, SheetSaveState } from '../common/RowStatus';
import { ProblemList, type SheetProblem } from '../common/ProblemList';
import { ReadOnlyBanner } from '../common/ReadOnlyBanner';
import { checkRow, COMMENT_MAX, levelHint, rulesOf, textsOf, type GradeColumn } from './gradebookRows';
import { useGradebookRows } from './useGradebookRows';

export interface SubjectSheetProps {
  view: GradebookView;
  yearName: string;
  /** The subject's teacher, named when the user may only read. */
  teacher: string | null;
  /** Ask the server again for the sheet (after a refusal that may mean it was locked meanwhile). */
  onRefresh(): void;
}

export function SubjectSheet({ view, yearName, teacher, onRefresh }: SubjectSheetProps) {
  const t = useT();
  const onRefused = useCallback(
    (error: ApiError) => {
      if (error.code === 'rule_violation' || error.code === 'forbidden') onRefresh();
    },
    [onRefresh],
  );
  const { rows, commit } = useGradebookRows(view, onRefused);
  const [showRetest, setShowRetest] = useState(() => view.rows.some((r) => r.retestScore !== null));
  const readOnly = view.locked || !view.canEdit;
  const rules = rulesOf(view);

  const checked = useMemo(() => rows.map((r) => checkRow(r, rulesOf(view), t)), [rows, view, t]);

  const columns = useMemo(() => {
    const list: (SheetColumn & { key: GradeColumn })[] = [];
    if (view.tested) {
      list.push({
        key: 'score',
        title: t('assessmentUi.grid.score'),
        width: 96,
        kind: 'code',
        label: (row) => t('assessmentUi.grid.scoreOf', { name: row.name }),
      });
    }
    list.push({
      key: 'level',
      title: t('assessmentUi.grid.level'),
      width: 120,
      kind: 'code',
      label: (row) => t('assessmentUi.grid.levelOf', { name: row.name }),
    });
    if (view.tested && showRetest) {
      list.push({
        key: 'retest',
        title: t('assessmentUi.grid.retest'),
        width: 96,
        kind: 'code',
        label: (row) => t('assessmentUi.grid.retestOf', { name: row.name }),
      });
    }
    list.push({
      key: 'comment',
      title: t('assessmentUi.grid.comment'),
      width: 380,
      kind: 'text',
      label: (row) => t('assessmentUi.grid.commentOf', { name: row.name }),
    });
    return list;
  }, [view.tested, showRetest, t]);

  const titles = Object.fromEntries(columns.map((c) => [c.key, String(c.title)])) as Record<GradeColumn, string>;
  const problems: SheetProblem[] = readOnly
    ? []
    : rows.flatMap((r, i) =>
        !r.saved.enrolled
          ? []
          : columns.flatMap((c) => {
              const message = checked[i]?.problems[c.key];
              return message
                ? [{ key: `${i}:${c.key}`, row: i + 1, name: r.saved.fullName, column: titles[c.key], message }]
                : [];
            }),
      );

  const text = (i: number, column: string) => {
    const row = rows[i]!;
    return (readOnly ? textsOf(row.saved) : row.texts)[column as GradeColumn];
  };

  return (
    <>
      <ReadOnlyBanner
        locked={view.locked}
        canEdit={view.canEdit}
        point={view.point}
        yearName={yearName}
        notMine={t('assessmentUi.banner.notTeacher', {
          subject: view.subjectName,
          class: view.className,
          teacher: teacher ?? t('assessmentUi.banner.nobody'),
        })}
      />
      {!readOnly && (
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {view.tested ? t('assessmentUi.grid.hintTested', { min: rules.minScore }) : t('assessmentUi.grid.hint')}
          </Typography.Text>
          <Flex gap="middle" align="center">
            {view.tested && (
              <label>
                <Switch size="small" checked={showRetest} onChange={setShowRetest} />{' '}
                {t('assessmentUi.grid.showRetest')}
              </label>
            )}
            <SheetSaveState
              saving={rows.filter((r) => r.status === 'saving').length}
              errors={rows.filter((r) => r.status === 'error').length}
              saved={rows.filter((r) => r.status === 'saved').length}
            />
          </Flex>
        </Flex>
      )}
      {view.tested && readOnly && (
        <Typography.Paragraph type="secondary">{t('assessmentUi.grid.testedNote')}</Typography.Paragraph>
      )}
      <SheetGrid
        label={t('assessmentUi.grid.label', { subject: view.subjectName, class: view.className })}
        rows={rows.map((r) => ({ key: r.saved.pupilId, name: r.saved.fullName, inactive: !r.saved.enrolled }))}
        columns={columns}
        readOnly={readOnly}
        text={text}
        problem={(i, column) => (readOnly ? null : (checked[i]?.problems[column as GradeColumn] ?? null))}
        hint={(i, column) => (column === 'level' ? levelHint(text(i, column), t) : undefined)}
        onCommit={(changes: SheetChange[]) =>
          commit(changes.map((c) => ({ row: c.row, column: c.column as GradeColumn, text: c.text })))
        }
        statusTitle={t('assessmentUi.status.title')}
        statusKey={(i) => {
          const row = rows[i]!;
          return `${row.status}|${row.message ?? ''}|${Object.keys(checked[i]?.problems ?? {}).length > 0}`;
        }}
        status={(i) => {
          const row = rows[i]!;
          if (!row.saved.enrolled)
            return <Typography.Text type="secondary">{t('assessmentUi.grid.left')}</Typography.Text>;
          if (readOnly) return null;
          return (
            <RowStatus
              status={row.status}
              message={row.message}
              invalid={Object.keys(checked[i]?.problems ?? {}).length > 0}
            />
          );
        }}
        inactiveNote={t('assessmentUi.grid.leftNote')}
        emptyText={t('assessmentUi.grid.empty')}
      />
      <ProblemList problems={problems} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('assessmentUi.grid.commentMax', { max: COMMENT_MAX })}
      </Typography.Paragraph>
    </>
  );
}

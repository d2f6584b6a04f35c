/**
 * Phẩm chất, năng lực: the GVCN rates every pupil on the 5 qualities, 3 general and 7 specific
 * competences with T/Đ/C (typed T, Đ or D, C), grouped under their headings; same keyboard and paste
 * as the gradebook, each cell saved as it is committed.
 */
import { useCallback, useMemo } from 'react';
import { Flex, Typography } from 'antd';
import type { QualitiesView } from '../../../../src-shared/api/assessment';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { QUALITY_ITEMS, type QualityItem } from '../../../../src-shared/domain/tt27';
import { useT } from '../../../i18n/LocaleContext';
import { SheetGrid, type SheetColumn, type SheetGroup } from '../sheet/SheetGrid';
import { RowStatus, SheetSaveState, type SaveState } from '../common/RowStatus';
import { ProblemList, type SheetProblem } from '../common/ProblemList';
import { ReadOnlyBanner } from '../common/ReadOnlyBanner';
import { qualityGroupLabel, qualityItemLabel, qualityLevelLabel, qualityShortLabel } from '../labels';
import { cellValue, shortText, useQualityCells, type QualityRowState } from './useQualityCells';

const GROUPS: QualityItem['group'][] = ['quality', 'general', 'specific'];

function rowState(row: QualityRowState): { status: SaveState; message: string | null } {
  const cells = Object.values(row.cells);
  if (cells.some((c) => c.status === 'saving')) return { status: 'saving', message: null };
  const failed = cells.find((c) => c.status === 'error');
  if (failed) return { status: 'error', message: failed.message };
  if (cells.some((c) => c.status === 'saved')) return { status: 'saved', message: null };
  return { status: 'idle', message: null };
}

export function QualitiesSheet({
  view,
  yearName,
  homeroomTeacher,
  onRefresh,
}: {
  view: QualitiesView;
  yearName: string;
  homeroomTeacher: string | null;
  onRefresh(): void;
}) {
  const t = useT();
  const onRefused = useCallback(
    (error: ApiError) => {
      if (error.code === 'rule_violation' || error.code === 'forbidden') onRefresh();
    },
    [onRefresh],
  );
  const { rows, commit } = useQualityCells(view, onRefused);
  const readOnly = view.locked || !view.canEdit;

  const columns = useMemo<SheetColumn[]>(
    () =>
      QUALITY_ITEMS.map((q) => ({
        key: q.key,
        title: qualityShortLabel(t, q.key),
        fullTitle: qualityItemLabel(t, q.key),
        // Fifteen columns and the names fit 1366 px without scrolling sideways.
        width: 46,
        kind: 'code' as const,
        label: (row) => t('assessmentUi.qualities.cellOf', { item: qualityItemLabel(t, q.key), name: row.name }),
      })),
    [t],
  );
  const groups: SheetGroup[] = GROUPS.map((g) => ({
    title: qualityGroupLabel(t, g),
    span: QUALITY_ITEMS.filter((q) => q.group === g).length,
  }));

  const problem = (i: number, item: string) => {
    if (readOnly) return null;
    const cell = rows[i]?.cells[item];
    return cell && !cellValue(cell.text).ok ? t('assessmentUi.qualities.invalidValue', { text: cell.text }) : null;
  };
  const problems: SheetProblem[] = rows.flatMap((r, i) =>
    QUALITY_ITEMS.flatMap((q) => {
      const message = problem(i, q.key);
      return message
        ? [{ key: `${i}:${q.key}`, row: i + 1, name: r.fullName, column: qualityItemLabel(t, q.key), message }]
        : [];
    }),
  );
  const states = rows.map(rowState);

  return (
    <>
      <ReadOnlyBanner
        locked={view.locked}
        canEdit={view.canEdit}
        point={view.point}
        yearName={yearName}
        notMine={t('assessmentUi.banner.notHomeroom', {
          class: view.className,
          teacher: homeroomTeacher ?? t('assessmentUi.banner.nobody'),
        })}
      />
      {!readOnly && (
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('assessmentUi.qualities.hint')}</Typography.Text>
          <SheetSaveState
            saving={states.filter((s) => s.status === 'saving').length}
            errors={states.filter((s) => s.status === 'error').length}
            saved={states.filter((s) => s.status === 'saved').length}
          />
        </Flex>
      )}
      <SheetGrid
        label={t('assessmentUi.qualities.label', { class: view.className })}
        rows={rows.map((r) => ({ key: r.pupilId, name: r.fullName, inactive: !r.enrolled }))}
        columns={columns}
        groups={groups}
        readOnly={readOnly}
        text={(i, item) => {
          const cell = rows[i]!.cells[item]!;
          return readOnly ? shortText(cell.level) : cell.text;
        }}
        problem={problem}
        hint={(i, item) => {
          const value = cellValue(rows[i]!.cells[item]!.text);
          return value.ok && value.level ? qualityLevelLabel(t, value.level) : undefined;
        }}
        onCommit={(changes) => commit(changes.map((c) => ({ row: c.row, item: c.column, text: c.text })))}
        statusTitle={t('assessmentUi.status.title')}
        statusWidth={112}
        statusKey={(i) => {
          const s = states[i]!;
          return `${s.status}|${s.message ?? ''}|${QUALITY_ITEMS.some((q) => problem(i, q.key) !== null)}`;
        }}
        status={(i) => {
          const row = rows[i]!;
          if (!row.enrolled) return <Typography.Text type="secondary">{t('assessmentUi.grid.left')}</Typography.Text>;
          if (readOnly) return null;
          const s = states[i]!;
          return (
            <RowStatus
              status={s.status}
              message={s.message}
              invalid={QUALITY_ITEMS.some((q) => problem(i, q.key) !== null)}
            />
          );
        }}
        inactiveNote={t('assessmentUi.grid.leftNote')}
        emptyText={t('assessmentUi.grid.empty')}
      />
      <ProblemList problems={problems} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('assessmentUi.qualities.legend')}
      </Typography.Paragraph>
    </>
  );
}

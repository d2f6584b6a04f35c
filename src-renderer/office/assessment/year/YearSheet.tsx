/**
 * Cuối năm: for each pupil the result the TT27 rules propose (with the reasons when the pupil falls
 * short or entries are missing), which the GVCN confirms or changes, the awards, the completion and
 * promotion decision, the supplementary assessment and the comment; each row is saved with its own
 * button (or all changed rows at once). The học bạ of a pupil is printed from their row.
 */
import { memo, useCallback, useRef, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { yearRow, type YearRow } from '../../../../src-shared/api/assessment';
import {
  AWARDS,
  awardAllowed,
  defaultPromotion,
  PROMOTION_DECISIONS,
  YEAR_LEVELS,
  type Award,
  type PromotionDecision,
  type YearLevel,
} from '../../../../src-shared/domain/tt27';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { useT } from '../../../i18n/LocaleContext';
import '../sheet/sheet.css';
import { RowStatus, type SaveState } from '../common/RowStatus';
import { ReadOnlyBanner } from '../common/ReadOnlyBanner';
import { awardLabel, promotionLabel, YEAR_LEVEL_TAGS, yearLevelLabel } from '../labels';

interface Draft {
  result: YearLevel | null;
  awards: Award[];
  promotion: PromotionDecision | null;
  supplementary: string;
  comment: string;
}

interface Line {
  row: YearRow;
  draft: Draft;
  status: SaveState;
  message: string | null;
}

export interface YearSheetView {
  classId: number;
  className: string;
  grade: number;
  locked: boolean;
  canEdit: boolean;
  rows: YearRow[];
}

function draftOf(row: YearRow, grade: number): Draft {
  const result = row.result ?? row.proposed;
  return {
    result,
    awards: row.awards,
    promotion: row.promotion ?? (result ? defaultPromotion(grade, result) : null),
    supplementary: row.supplementary,
    comment: row.comment,
  };
}

function dirty(line: Line): boolean {
  const { row, draft } = line;
  return (
    draft.result !== row.result ||
    draft.promotion !== row.promotion ||
    draft.supplementary !== row.supplementary ||
    draft.comment !== row.comment ||
    draft.awards.length !== row.awards.length ||
    draft.awards.some((a) => !row.awards.includes(a))
  );
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.result === b.result &&
    a.promotion === b.promotion &&
    a.supplementary === b.supplementary &&
    a.comment === b.comment &&
    a.awards.length === b.awards.length &&
    a.awards.every((x) => b.awards.includes(x))
  );
}

/**
 * What leaving would lose: the GVCN's own changes not yet saved. A proposal nobody confirmed yet
 * counts among the rows to save, but nothing of it is lost by leaving.
 */
function unsaved(line: Line, grade: number): boolean {
  return line.status === 'saving' || !sameDraft(line.draft, draftOf(line.row, grade));
}

/** Reasons shown before "more": a pupil with nothing entered yet has two dozen. */
const REASONS_SHOWN = 3;

interface RowProps {
  index: number;
  line: Line;
  grade: number;
  readOnly: boolean;
  /** The year's results are due (see `yearResultsDue`); before then a missing proposal is no news. */
  due: boolean;
  onEdit(pupilId: number, patch: Partial<Draft>): void;
  onSave(pupilId: number): void;
  onPrint?: (row: YearRow) => void;
}

/** One pupil's row; memoised, so that typing in one row redraws only that row. */
const YearLine = memo(function YearLine({ index, line, grade, readOnly, due, onEdit, onSave, onPrint }: RowProps) {
  const t = useT();
  const { row, draft } = line;
  const [allReasons, setAllReasons] = useState(false);
  const locked = readOnly || !row.enrolled;
  const id = row.pupilId;
  const promotionOptions = PROMOTION_DECISIONS.filter((d) =>
    grade >= 5 ? d !== 'promoted' : d !== 'completed_primary',
  ).map((d) => ({ value: d, label: promotionLabel(t, d) }));
  return (
    <tr className={row.enrolled ? undefined : 'ts-sheet-inactive'}>
      <td className="ts-sheet-no">{index + 1}</td>
      <td className="ts-sheet-name" title={row.enrolled ? undefined : t('assessmentUi.grid.leftNote')}>
        {row.fullName}
        {!row.enrolled && (
          <>
            <br />
            <Typography.Text type="secondary">{t('assessmentUi.grid.left')}</Typography.Text>
          </>
        )}
      </td>
      <td>
        <Space orientation="vertical" size={2}>
          {row.proposed ? (
            <Tag color={YEAR_LEVEL_TAGS[row.proposed]}>{yearLevelLabel(t, row.proposed)}</Tag>
          ) : due ? (
            <Tag>{t('assessmentUi.year.incomplete')}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('assessmentUi.year.notDueShort')}</Typography.Text>
          )}
          {due && row.reasons.length > 0 && (
            <ul
              aria-label={t('assessmentUi.year.reasonsOf', { name: row.fullName })}
              style={{ margin: 0, paddingInlineStart: 18, fontSize: 12, color: '#595959' }}
            >
              {(allReasons ? row.reasons : row.reasons.slice(0, REASONS_SHOWN)).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {due && row.reasons.length > REASONS_SHOWN && (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAllReasons(!allReasons)}>
              {allReasons
                ? t('assessmentUi.year.fewerReasons')
                : t('assessmentUi.year.moreReasons', { count: row.reasons.length - REASONS_SHOWN })}
            </Button>
          )}
        </Space>
      </td>
      <td>
        <Select<YearLevel>
          virtual={false}
          aria-label={t('assessmentUi.year.resultOf', { name: row.fullName })}
          style={{ width: 190 }}
          disabled={locked}
          allowClear
          value={draft.result ?? undefined}
          placeholder={t('assessmentUi.year.choose')}
          onChange={(value) => onEdit(id, { result: value ?? null })}
          options={YEAR_LEVELS.map((y) => ({ value: y, label: yearLevelLabel(t, y) }))}
        />
        {row.result === null && row.enrolled && due && (
          <div>
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('assessmentUi.year.unconfirmed')}
            </Typography.Text>
          </div>
        )}
      </td>
      <td>
        <Select<Award[]>
          virtual={false}
          mode="multiple"
          aria-label={t('assessmentUi.year.awardsOf', { name: row.fullName })}
          style={{ width: 250 }}
          disabled={locked}
          value={draft.awards}
          placeholder={t('assessmentUi.year.noAwards')}
          onChange={(value) => onEdit(id, { awards: value })}
          options={AWARDS.map((a) => ({ value: a, label: awardLabel(t, a), disabled: !awardAllowed(a, draft.result) }))}
        />
      </td>
      <td>
        <Select<PromotionDecision>
          virtual={false}
          aria-label={t('assessmentUi.year.promotionOf', { name: row.fullName })}
          style={{ width: 220 }}
          disabled={locked}
          allowClear
          value={draft.promotion ?? undefined}
          placeholder={t('assessmentUi.year.choose')}
          onChange={(value) => onEdit(id, { promotion: value ?? null })}
          options={promotionOptions}
        />
      </td>
      <td>
        <Input.TextArea
          aria-label={t('assessmentUi.year.supplementaryOf', { name: row.fullName })}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          disabled={locked}
          value={draft.supplementary}
          style={{ width: 200 }}
          onChange={(e) => onEdit(id, { supplementary: e.target.value })}
        />
      </td>
      <td>
        <Input.TextArea
          aria-label={t('assessmentUi.year.commentOf', { name: row.fullName })}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          disabled={locked}
          value={draft.comment}
          style={{ width: 260 }}
          onChange={(e) => onEdit(id, { comment: e.target.value })}
        />
      </td>
      <td>
        <Space orientation="vertical" size={4}>
          <Space size="small" wrap>
            {!locked && (
              <Button
                size="small"
                type={dirty(line) ? 'primary' : 'default'}
                icon={<SaveOutlined aria-hidden="true" />}
                disabled={!dirty(line) || line.status === 'saving'}
                aria-label={t('assessmentUi.year.saveOf', { name: row.fullName })}
                onClick={() => onSave(id)}
              >
                {t('common.save')}
              </Button>
            )}
            {onPrint && (
              <Button
                size="small"
                icon={<PrinterOutlined aria-hidden="true" />}
                aria-label={t('assessmentUi.print.hocbaOf', { name: row.fullName })}
                onClick={() => onPrint(row)}
              >
                {t('assessmentUi.print.hocbaShort')}
              </Button>
            )}
          </Space>
          <RowStatus status={line.status} message={line.message} invalid={false} />
        </Space>
      </td>
    </tr>
  );
});

export function YearSheet({
  view,
  yearName,
  due = true,
  endDate,
  homeroomTeacher,
  onRefresh,
  onPrint,
}: {
  view: YearSheetView;
  yearName: string;
  /** Whether the year's results are due yet (`yearResultsDue`); they are unless told otherwise. */
  due?: boolean;
  /** The last day of the school year (ISO), said when the results are not due yet. */
  endDate?: string;
  homeroomTeacher: string | null;
  onRefresh(): void;
  /** Print this pupil's học bạ. */
  onPrint?(row: YearRow): void;
}) {
  const t = useT();
  const client = useClient();
  const [lines, setLines] = useState<Line[]>(() =>
    view.rows.map((row) => ({ row, draft: draftOf(row, view.grade), status: 'idle', message: null })),
  );
  // The lines as last set, for a save started from a row's button.
  const current = useRef(lines);
  current.current = lines;
  const readOnly = view.locked || !view.canEdit;
  const { classId, grade, locked } = view;
  useUnsavedChanges({ isDirty: () => current.current.some((l) => l.row.enrolled && unsaved(l, grade)) });

  const update = useCallback(
    (pupilId: number, change: (line: Line) => Line) =>
      setLines((all) => all.map((l) => (l.row.pupilId === pupilId ? change(l) : l))),
    [],
  );

  const edit = useCallback(
    (pupilId: number, patch: Partial<Draft>) =>
      update(pupilId, (l) => {
        const draft = { ...l.draft, ...patch };
        if (patch.result !== undefined) {
          // A title the new result does not allow goes; the decision follows the result unless chosen.
          draft.awards = draft.awards.filter((a) => awardAllowed(a, draft.result));
          const followed = l.draft.result ? defaultPromotion(grade, l.draft.result) : null;
          if (l.draft.promotion === followed || l.draft.promotion === null) {
            draft.promotion = draft.result ? defaultPromotion(grade, draft.result) : null;
          }
        }
        return { ...l, draft, status: l.status === 'error' ? 'idle' : l.status, message: null };
      }),
    [update, grade],
  );

  const save = useCallback(
    async (pupilId: number) => {
      const line = current.current.find((l) => l.row.pupilId === pupilId);
      if (!line) return;
      const { row, draft } = line;
      update(pupilId, (l) => ({ ...l, status: 'saving', message: null }));
      const result = await client.call('assessment.year.save', {
        classId,
        pupilId,
        result: draft.result,
        awards: draft.awards,
        promotion: draft.promotion,
        supplementary: draft.supplementary,
        comment: draft.comment,
        version: row.version,
      });
      if (result.ok) {
        update(pupilId, () => ({
          row: result.value,
          draft: draftOf(result.value, grade),
          status: 'saved',
          message: null,
        }));
        return;
      }
      const error: ApiError = result.error;
      if (error.code === 'conflict') {
        let fresh = yearRow.safeParse(error.details?.current).data;
        if (fresh?.pupilId !== pupilId) {
          const again = await client.call('assessment.year.get', { classId });
          fresh = again.ok ? again.value.rows.find((r) => r.pupilId === pupilId) : undefined;
        }
        update(pupilId, (l) =>
          fresh
            ? { row: fresh, draft: draftOf(fresh, grade), status: 'error', message: error.message }
            : { ...l, status: 'error', message: error.message },
        );
        return;
      }
      update(pupilId, (l) => ({ ...l, status: 'error', message: error.message }));
      if (error.code === 'forbidden' || (error.code === 'rule_violation' && !locked)) onRefresh();
    },
    [client, classId, grade, locked, update, onRefresh],
  );
  const onSave = useCallback((pupilId: number) => void save(pupilId), [save]);

  const pending = lines.filter((l) => l.row.enrolled && dirty(l));
  const saveAll = async () => {
    for (const line of pending) await save(line.row.pupilId);
  };

  return (
    <>
      <ReadOnlyBanner
        locked={view.locked}
        canEdit={view.canEdit}
        point="CUOI_NAM"
        yearName={yearName}
        notMine={t('assessmentUi.banner.notHomeroom', {
          class: view.className,
          teacher: homeroomTeacher ?? t('assessmentUi.banner.nobody'),
        })}
      />
      {!due && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('assessmentUi.year.notDue', { year: yearName })}
          description={
            endDate
              ? t('assessmentUi.year.notDueText', { date: formatIsoDateVn(endDate) })
              : t('assessmentUi.year.notDueTextNoDate')
          }
        />
      )}
      {!readOnly && (
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('assessmentUi.year.hint')}</Typography.Text>
          <Button type="primary" disabled={pending.length === 0} onClick={() => void saveAll()}>
            {pending.length > 0
              ? t('assessmentUi.year.saveAll', { count: pending.length })
              : t('assessmentUi.year.nothingToSave')}
          </Button>
        </Flex>
      )}
      <div className="ts-sheet-wrap">
        <table className="ts-sheet ts-sheet-form" aria-label={t('assessmentUi.year.label', { class: view.className })}>
          <thead>
            <tr>
              <th scope="col" style={{ width: 48 }}>
                {t('common.no')}
              </th>
              <th scope="col">{t('pupil.fullName')}</th>
              <th scope="col" style={{ minWidth: 220 }}>
                {t('assessmentUi.year.proposed')}
              </th>
              <th scope="col">{t('assessmentUi.year.result')}</th>
              <th scope="col">{t('assessmentUi.year.awards')}</th>
              <th scope="col">{t('assessmentUi.year.promotion')}</th>
              <th scope="col">{t('assessmentUi.year.supplementary')}</th>
              <th scope="col">{t('assessmentUi.year.comment')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={9} style={{ textAlign: 'center', padding: 16 }}>
                  {t('assessmentUi.grid.empty')}
                </td>
              </tr>
            )}
            {lines.map((line, i) => (
              <YearLine
                key={line.row.pupilId}
                index={i}
                line={line}
                grade={grade}
                readOnly={readOnly}
                due={due}
                onEdit={edit}
                onSave={onSave}
                onPrint={onPrint}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Khám theo lớp: pick the year and the class (and, for the nurse, the check day), then enter the
 * class's measurements row by row — or, without the right to record, read each pupil's latest check.
 * The year and class are kept in the address, so a reload or a link comes back to the same class.
 */
import { useState } from 'react';
import { Empty, Flex, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useProcedure } from '../../../lib/useProcedure';
import { useConfirmLeave } from '../../../lib/useUnsavedChanges';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../../records/common/YearSelect';
import { useSchoolYears } from '../../records/common/useSchoolYears';
import { today, toIso } from '../../records/common/dates';
import { DateInput, UnreadDate } from '../../common/DateInput';
import { EntryGrid } from './EntryGrid';
import { ClassChecksTable } from './ClassChecksTable';

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function ClassHealthPage() {
  const t = useT();
  const { can } = useSignedIn();
  const manage = can('health.manage');
  const [params, setParams] = useSearchParams();
  const { years, current } = useSchoolYears();
  const yearId = positive(params.get('year')) ?? current?.id;
  const classes = useProcedure('health.classes.list', yearId === undefined ? null : { schoolYearId: yearId });
  const classId = positive(params.get('class')) ?? classes.data?.rows[0]?.id;
  const list = useProcedure('health.checks.list', classId === undefined ? null : { classId });
  const [date, setDate] = useState<Dayjs>(today);
  // A day that cannot be the check's is named under the field; the grid stays on the last good day.
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  // Bumped to put the field back on the grid's day when the user keeps the grid they were typing in.
  const [dateField, setDateField] = useState(0);
  const confirmLeave = useConfirmLeave();
  const isoDate = toIso(date);

  const pickDate = (value: Dayjs | UnreadDate | null) => {
    if (value === null) return setDateProblem(t('health.classes.checkDateRequired'));
    if (value instanceof UnreadDate) {
      return setDateProblem(
        value.problem === 'impossible'
          ? t('validation.dateImpossible', { date: value.text })
          : t('validation.dateFormat'),
      );
    }
    if (value.isAfter(today(), 'day')) return setDateProblem(t('health.date_in_future'));
    setDateProblem(null);
    if (value.isSame(date, 'day')) return;
    // Another day is another grid: what was typed for this one is saved or asked about first.
    void confirmLeave().then((leave) => (leave ? setDate(value) : setDateField((n) => n + 1)));
  };

  const choose = (changes: { year?: number; class?: number }) => {
    const next = new URLSearchParams(params);
    if (changes.year !== undefined) {
      next.set('year', String(changes.year));
      next.delete('class');
    }
    if (changes.class !== undefined) next.set('class', String(changes.class));
    setParams(next, { replace: true });
  };

  // useProcedure keeps the previous answer while the next loads: show a class only once it is its own.
  const shown = list.data && list.data.class.id === classId ? list.data : undefined;
  const checked = shown?.rows.filter((r) => r.latest !== null).length ?? 0;

  return (
    <>
      <PageTitle title={t('health.classes.title')} />
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }}>
        <YearSelect years={years} value={yearId} onChange={(id) => choose({ year: id })} />
        <Select<number>
          virtual={false}
          aria-label={t('health.classes.class')}
          value={classId}
          onChange={(id) => choose({ class: id })}
          style={{ minWidth: 140 }}
          options={(classes.data?.rows ?? []).map((c) => ({ value: c.id, label: t('class.label', { name: c.name }) }))}
        />
        {manage && (
          <Space align="start">
            <label htmlFor="health-check-date" style={{ lineHeight: '32px' }}>
              {t('health.classes.checkDate')}
            </label>
            <div>
              <DateInput
                key={dateField}
                id="health-check-date"
                value={date}
                onChange={pickDate}
                disabledDate={(d) => d.isAfter(today(), 'day')}
                aria-invalid={dateProblem !== null}
                aria-describedby={dateProblem ? 'health-check-date-problem' : undefined}
              />
              {dateProblem && (
                <Typography.Text type="danger" id="health-check-date-problem" role="alert" style={{ display: 'block' }}>
                  {dateProblem}
                </Typography.Text>
              )}
            </div>
          </Space>
        )}
      </Flex>
      {classes.data && classes.data.rows.length === 0 ? (
        <Empty description={t('health.classes.noClasses')} />
      ) : (
        <LoadGate loaded={shown !== undefined} error={list.error ?? classes.error} retry={list.reload}>
          {shown &&
            (manage ? (
              <EntryGrid
                key={`${shown.class.id}:${isoDate}`}
                className={shown.class.name}
                yearName={shown.schoolYear.name}
                source={shown.rows}
                date={isoDate}
              />
            ) : (
              <>
                <Typography.Paragraph>
                  {t('health.classes.checked', { checked, total: shown.rows.length, year: shown.schoolYear.name })}
                </Typography.Paragraph>
                <ClassChecksTable className={shown.class.name} rows={shown.rows} />
              </>
            ))}
        </LoadGate>
      )}
    </>
  );
}

/**
 * Sổ theo dõi chất lượng giáo dục: pick the school year, the class (those the user may open), the
 * periodic point and the subject, then enter the class's results in a sheet. The GVCN has two more
 * tabs: Phẩm chất, năng lực and Cuối năm. The class summary sheet and the học bạ are printed from here.
 * The choices are kept in the address, so a reload or a link comes back to the same sheet.
 */
import { useCallback } from 'react';
import { Button, Empty, Flex, Select, Space, Tabs, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { AssessmentClass, YearRow } from '../../../../src-shared/api/assessment';
import type { SchoolYear } from '../../../../src-shared/api/school';
import { isPeriodicPoint, type PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { todayIso } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../../records/common/YearSelect';
import { useSchoolYears } from '../../records/common/useSchoolYears';
import { likelyPoint, pointLabel, yearResultsDue } from '../labels';
import { FileJobList, useFileJobs, type FileJobs } from '../print/useFileJobs';
import { SubjectSheet } from './SubjectSheet';
import { QualitiesSheet } from '../qualities/QualitiesSheet';
import { YearSheet } from '../year/YearSheet';
import { PointSelect } from '../common/PointSelect';

type Tab = 'subjects' | 'qualities' | 'year';

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The class a user most likely wants: their own class as GVCN, else one with a subject they enter. A
 * teacher sees only their classes, so the first of them; the school's management sees every class and
 * picks one (undefined here).
 */
function defaultClass(classes: AssessmentClass[], management: boolean): AssessmentClass | undefined {
  // The management may enter every subject (canEdit), so that says nothing of which class they want.
  if (management) return classes.find((c) => c.isHomeroom);
  return classes.find((c) => c.isHomeroom) ?? classes.find((c) => c.subjects.some((s) => s.canEdit)) ?? classes[0];
}

function SubjectTab({
  cls,
  subject,
  point,
  yearName,
}: {
  cls: AssessmentClass;
  subject: AssessmentClass['subjects'][number];
  point: PeriodicPoint;
  yearName: string;
}) {
  const sheet = useProcedure('assessment.gradebook.get', { classId: cls.classId, subject: subject.key, point });
  const shown =
    sheet.data && sheet.data.classId === cls.classId && sheet.data.subject === subject.key && sheet.data.point === point
      ? sheet.data
      : undefined;
  return (
    <LoadGate loaded={shown !== undefined} error={sheet.error} retry={sheet.reload}>
      {shown && (
        <SubjectSheet
          key={`${cls.classId}:${subject.key}:${point}`}
          view={shown}
          yearName={yearName}
          teacher={subject.teacher}
          onRefresh={sheet.reload}
        />
      )}
    </LoadGate>
  );
}

function QualitiesTab({ cls, point, yearName }: { cls: AssessmentClass; point: PeriodicPoint; yearName: string }) {
  const sheet = useProcedure('assessment.qualities.get', { classId: cls.classId, point });
  const shown = sheet.data && sheet.data.classId === cls.classId && sheet.data.point === point ? sheet.data : undefined;
  return (
    <LoadGate loaded={shown !== undefined} error={sheet.error} retry={sheet.reload}>
      {shown && (
        <QualitiesSheet
          key={`${cls.classId}:${point}`}
          view={shown}
          yearName={yearName}
          homeroomTeacher={cls.homeroomTeacher}
          onRefresh={sheet.reload}
        />
      )}
    </LoadGate>
  );
}

function YearTab({
  cls,
  year,
  yearName,
  onPrint,
}: {
  cls: AssessmentClass;
  year: SchoolYear | undefined;
  yearName: string;
  onPrint?: (row: YearRow) => void;
}) {
  const sheet = useProcedure('assessment.year.get', { classId: cls.classId });
  const shown = sheet.data && sheet.data.classId === cls.classId ? sheet.data : undefined;
  return (
    <LoadGate loaded={shown !== undefined} error={sheet.error} retry={sheet.reload}>
      {shown && (
        <YearSheet
          // A reload after a refusal brings the lock or the rights: the table starts again from it.
          key={`${cls.classId}:${shown.locked}:${shown.canEdit}`}
          view={shown}
          yearName={yearName}
          due={yearResultsDue(year, todayIso())}
          endDate={year?.endDate}
          homeroomTeacher={cls.homeroomTeacher}
          onRefresh={sheet.reload}
          onPrint={onPrint}
        />
      )}
    </LoadGate>
  );
}

function PrintButtons({
  cls,
  point,
  schoolYearId,
  jobs,
  hocba,
}: {
  cls: AssessmentClass;
  point: PeriodicPoint;
  schoolYearId: number;
  jobs: FileJobs;
  hocba: boolean;
}) {
  const t = useT();
  const client = useClient();
  const summary = (format: 'xlsx' | 'pdf') =>
    void jobs.start(
      t('assessmentUi.print.summaryJob', {
        class: cls.name,
        point: pointLabel(t, point),
        format: format === 'xlsx' ? 'Excel' : 'PDF',
      }),
      () => client.call('assessment.summary.export', { classId: cls.classId, point, format }),
      { submitAs: 'report' },
    );
  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined aria-hidden="true" />} onClick={() => summary('xlsx')}>
        {t('assessmentUi.print.summaryXlsx')}
      </Button>
      <Button icon={<FilePdfOutlined aria-hidden="true" />} onClick={() => summary('pdf')}>
        {t('assessmentUi.print.summaryPdf')}
      </Button>
      {hocba && (
        <Button
          icon={<PrinterOutlined aria-hidden="true" />}
          onClick={() =>
            void jobs.start(
              t('assessmentUi.print.hocbaClassJob', { class: cls.name }),
              () => client.call('assessment.hocba.batch', { classId: cls.classId, schoolYearId }),
              { submitAs: 'hocba' },
            )
          }
        >
          {t('assessmentUi.print.hocbaClass')}
        </Button>
      )}
    </Space>
  );
}

export function GradebookPage() {
  const t = useT();
  const client = useClient();
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const { years } = useSchoolYears();
  const chosenYear = positive(params.get('year'));
  const list = useProcedure('assessment.classes.list', chosenYear === undefined ? {} : { schoolYearId: chosenYear });
  const jobs = useFileJobs();

  const data = list.data;
  const classes = data?.classes ?? [];
  const year = years.find((y) => y.id === data?.schoolYearId);
  const yearName = year?.name ?? '';
  const management = user.role !== 'teacher';
  const cls = classes.find((c) => c.classId === positive(params.get('class'))) ?? defaultClass(classes, management);
  // The GVCN's tabs: for the class's GVCN, and read-only for the school's management.
  const homeroomTabs = cls !== undefined && (cls.isHomeroom || management);
  const requestedTab = params.get('tab');
  const tab: Tab =
    homeroomTabs && (requestedTab === 'qualities' || requestedTab === 'year') ? requestedTab : 'subjects';
  const subject =
    cls?.subjects.find((s) => s.key === params.get('subject')) ??
    cls?.subjects.find((s) => s.canEdit) ??
    cls?.subjects[0];
  const requestedPoint = params.get('point');
  const point: PeriodicPoint = isPeriodicPoint(requestedPoint) ? requestedPoint : likelyPoint(year, todayIso());

  const choose = useCallback(
    (changes: Partial<Record<'year' | 'class' | 'tab' | 'subject' | 'point', string>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (changes.year !== undefined) {
            next.delete('class');
            next.delete('subject');
          }
          if (changes.class !== undefined) next.delete('subject');
          for (const [k, v] of Object.entries(changes)) next.set(k, v);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const { start } = jobs;
  const printPupil = useCallback(
    (row: YearRow) =>
      void start(
        t('assessmentUi.print.hocbaPupilJob', { name: row.fullName }),
        () =>
          client.call('assessment.hocba.pupil', {
            pupilId: row.pupilId,
            ...(data ? { schoolYearId: data.schoolYearId } : {}),
          }),
        { submitAs: 'hocba' },
      ),
    [start, t, client, data],
  );

  const tabItems = cls
    ? [
        {
          key: 'subjects',
          label: t('assessmentUi.tab.subjects'),
          children:
            subject === undefined ? (
              <Empty description={t('assessmentUi.noSubjects')} />
            ) : (
              <SubjectTab cls={cls} subject={subject} point={point} yearName={yearName} />
            ),
        },
        ...(homeroomTabs
          ? [
              {
                key: 'qualities',
                label: t('assessmentUi.tab.qualities'),
                children: <QualitiesTab cls={cls} point={point} yearName={yearName} />,
              },
              {
                key: 'year',
                label: t('assessmentUi.tab.year'),
                children: <YearTab cls={cls} year={year} yearName={yearName} onPrint={printPupil} />,
              },
            ]
          : []),
      ]
    : [];

  return (
    <>
      <PageTitle title={t('assessmentUi.gradebook.title')} />
      <LoadGate loaded={data !== undefined} error={list.error} retry={list.reload}>
        <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }}>
          <YearSelect years={years} value={data?.schoolYearId} onChange={(id) => choose({ year: String(id) })} />
          <Select<number>
            virtual={false}
            aria-label={t('assessmentUi.filter.class')}
            value={cls?.classId}
            placeholder={t('assessmentUi.filter.pickClass')}
            onChange={(id) => choose({ class: String(id) })}
            style={{ minWidth: 180 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={classes.map((c) => ({
              value: c.classId,
              label: c.isHomeroom
                ? t('assessmentUi.filter.classHomeroom', { name: c.name })
                : t('class.label', { name: c.name }),
            }))}
          />
          {tab !== 'year' && <PointSelect value={point} onChange={(p) => choose({ point: p })} />}
          {tab === 'subjects' && cls && (
            <Select<string>
              virtual={false}
              aria-label={t('assessmentUi.filter.subject')}
              value={subject?.key}
              onChange={(s) => choose({ subject: s })}
              style={{ minWidth: 220 }}
              options={cls.subjects.map((s) => ({
                value: s.key,
                label: s.canEdit ? s.name : t('assessmentUi.filter.subjectReadOnly', { name: s.name }),
              }))}
            />
          )}
          {cls && data && (
            <div style={{ marginInlineStart: 'auto' }}>
              <PrintButtons
                cls={cls}
                point={point}
                schoolYearId={data.schoolYearId}
                jobs={jobs}
                hocba={cls.isHomeroom || user.role !== 'teacher'}
              />
            </div>
          )}
        </Flex>
        <FileJobList jobs={jobs} />
        {cls === undefined ? (
          <Empty
            description={
              classes.length > 0
                ? t('assessmentUi.pickClass')
                : management
                  ? t('assessmentUi.noClassesInYear', { year: yearName })
                  : t('assessmentUi.noClasses', { year: yearName })
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('assessmentUi.gradebook.classLine', {
                class: cls.name,
                pupils: cls.pupils,
                teacher: cls.homeroomTeacher ?? t('assessmentUi.banner.nobody'),
              })}
            </Typography.Paragraph>
            <Tabs activeKey={tab} destroyOnHidden onChange={(key) => choose({ tab: key })} items={tabItems} />
          </>
        )}
      </LoadGate>
    </>
  );
}

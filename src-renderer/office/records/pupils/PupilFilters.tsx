/** The filter bar above the pupil list: search, year, grade, class, status, sex, ethnicity, disability, order. */
import { Flex, Select } from 'antd';
import type { ClassRow } from '../../../../src-shared/api/records';
import type { SchoolYear } from '../../../../src-shared/api/school';
import { DISABILITY_TYPES, ETHNICITIES } from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions } from '../common/codeOptions';
import { CodeSelect } from '../common/CodeSelect';
import { YearSelect } from '../common/YearSelect';
import { ClassSelect } from '../common/ClassSelect';
import { SearchBox } from '../common/SearchBox';
import type { PupilListState, PupilSort, PupilStatusFilter } from './pupilListState';

export interface PupilFiltersProps {
  state: PupilListState;
  years: SchoolYear[];
  yearId: number | undefined;
  classes: ClassRow[];
  onChange(changes: Partial<PupilListState>): void;
}

const GRADES = [1, 2, 3, 4, 5];

export function PupilFilters({ state, years, yearId, classes, onChange }: PupilFiltersProps) {
  const t = useT();
  const classesShown = state.grade ? classes.filter((c) => c.grade === state.grade) : classes;

  return (
    <Flex gap="small" wrap style={{ marginBottom: 16 }}>
      <SearchBox
        applied={state.search}
        label={t('pupils.search')}
        placeholder={t('pupils.searchPlaceholder')}
        width={340}
        onSearch={(search) => onChange({ search })}
      />
      <YearSelect years={years} value={yearId} onChange={(id) => onChange({ schoolYearId: id, classId: undefined })} />
      <Select<number>
        virtual={false}
        aria-label={t('pupils.filter.grade')}
        placeholder={t('pupils.filter.allGrades')}
        allowClear
        value={state.grade}
        onChange={(grade) =>
          onChange({
            grade,
            // A class of another grade would leave the list empty for no visible reason.
            classId: classes.find((c) => c.id === state.classId)?.grade === grade ? state.classId : undefined,
          })
        }
        options={GRADES.map((g) => ({ value: g, label: t('class.gradeLabel', { grade: g }) }))}
        style={{ width: 120 }}
      />
      <ClassSelect
        classes={classesShown}
        aria-label={t('pupils.filter.class')}
        placeholder={t('pupils.filter.allClasses')}
        allowClear
        value={state.classId}
        onChange={(classId) => onChange({ classId })}
        style={{ width: 130 }}
      />
      <Select<PupilStatusFilter>
        virtual={false}
        aria-label={t('pupils.filter.status')}
        value={state.status}
        onChange={(status) => onChange({ status })}
        options={[
          { value: 'studying', label: t('pupils.filter.studying') },
          { value: 'left', label: t('pupils.filter.left') },
          { value: 'all', label: t('pupils.filter.allStatuses') },
        ]}
        style={{ width: 150 }}
      />
      <Select<'male' | 'female'>
        virtual={false}
        aria-label={t('pupil.sex')}
        placeholder={t('pupils.filter.bothSexes')}
        allowClear
        value={state.sex}
        onChange={(sex) => onChange({ sex })}
        options={[
          { value: 'male', label: t('sex.male') },
          { value: 'female', label: t('sex.female') },
        ]}
        style={{ width: 120 }}
      />
      <CodeSelect
        list={ETHNICITIES}
        aria-label={t('pupil.ethnicity')}
        placeholder={t('pupils.filter.allEthnicities')}
        allowClear
        value={state.ethnicity}
        onChange={(ethnicity) => onChange({ ethnicity })}
        style={{ width: 150 }}
      />
      <Select<string>
        virtual={false}
        aria-label={t('pupil.disability')}
        placeholder={t('pupils.filter.disabilityAny')}
        allowClear
        value={state.disability}
        onChange={(disability) => onChange({ disability })}
        options={[
          { value: 'any', label: t('pupils.filter.withDisability') },
          { value: 'none', label: t('pupils.filter.withoutDisability') },
          ...codeOptions(DISABILITY_TYPES),
        ]}
        style={{ width: 210 }}
      />
      <Select<PupilSort>
        virtual={false}
        aria-label={t('pupils.sort')}
        value={state.sort}
        onChange={(sort) => onChange({ sort })}
        options={[
          { value: 'class', label: t('pupils.sort.class') },
          { value: 'name', label: t('pupils.sort.name') },
          { value: 'birthDate', label: t('pupils.sort.birthDate') },
          { value: 'sectorId', label: t('pupils.sort.sectorId') },
        ]}
        style={{ width: 190 }}
      />
    </Flex>
  );
}

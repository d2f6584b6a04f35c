/**
 * The pupil list's filters and page, kept in the address (?q=nguyen&grade=1) so that coming back from
 * a profile, reloading or sharing the link shows the same list.
 */
import type { z } from 'zod';
import type { pupilFilter } from '../../../../src-shared/api/records';

export type PupilStatusFilter = 'studying' | 'left' | 'all';
export type PupilSort = 'class' | 'name' | 'birthDate' | 'sectorId';

export interface PupilListState {
  schoolYearId?: number;
  grade?: number;
  classId?: number;
  status: PupilStatusFilter;
  sex?: 'male' | 'female';
  ethnicity?: string;
  disability?: string;
  search: string;
  sort: PupilSort;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

const STATUSES: readonly PupilStatusFilter[] = ['studying', 'left', 'all'];
const SORTS: readonly PupilSort[] = ['class', 'name', 'birthDate', 'sectorId'];

function positiveInt(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

export function readListState(params: URLSearchParams): PupilListState {
  const grade = positiveInt(params.get('grade'));
  const sex = params.get('sex');
  const pageSize = positiveInt(params.get('size'));
  return {
    schoolYearId: positiveInt(params.get('year')),
    grade: grade !== undefined && grade <= 5 ? grade : undefined,
    classId: positiveInt(params.get('class')),
    status: oneOf(STATUSES, params.get('status'), 'studying'),
    sex: sex === 'male' || sex === 'female' ? sex : undefined,
    ethnicity: params.get('ethnicity') || undefined,
    disability: params.get('disability') || undefined,
    search: params.get('q') ?? '',
    sort: oneOf(SORTS, params.get('sort'), 'class'),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize ?? 0) ? pageSize! : DEFAULT_PAGE_SIZE,
  };
}

export function writeListState(state: PupilListState): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined, skip?: string | number) => {
    if (value !== undefined && value !== '' && value !== skip) params.set(key, String(value));
  };
  put('year', state.schoolYearId);
  put('grade', state.grade);
  put('class', state.classId);
  put('status', state.status, 'studying');
  put('sex', state.sex);
  put('ethnicity', state.ethnicity);
  put('disability', state.disability);
  put('q', state.search.trim());
  put('sort', state.sort, 'class');
  put('page', state.page, 1);
  put('size', state.pageSize, DEFAULT_PAGE_SIZE);
  return params;
}

/** The server's filter (the same for the list and its Excel export). */
export function toFilter(state: PupilListState): z.input<typeof pupilFilter> {
  const search = state.search.trim();
  return {
    ...(state.schoolYearId !== undefined ? { schoolYearId: state.schoolYearId } : {}),
    ...(state.grade !== undefined ? { grade: state.grade } : {}),
    ...(state.classId !== undefined ? { classId: state.classId } : {}),
    status: state.status,
    ...(state.sex ? { sex: state.sex } : {}),
    ...(state.ethnicity ? { ethnicity: state.ethnicity } : {}),
    ...(state.disability ? { disability: state.disability } : {}),
    ...(search ? { search } : {}),
    sort: state.sort,
  };
}

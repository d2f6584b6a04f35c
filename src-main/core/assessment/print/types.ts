/**
 * What the printed assessment documents show, already gathered from the store: the renderers (PDF,
 * xlsx) are pure functions of these, run in worker threads, so everything here must survive a
 * structured clone (plain objects, strings, numbers, null).
 */
import type { QualityItem, QualityLevel, SubjectLevel, YearLevel } from '../../../../src-shared/domain/tt27';

/** The school's header lines, as Nghị định 30/2020 places them top-left. */
export interface SchoolHeader {
  /** Phòng GDĐT (the superior body), e.g. "Phòng GDĐT Quận Ba Đình"; '' when not set. */
  readonly educationOffice: string;
  readonly name: string;
  /** Where the document is dated, e.g. "Hà Nội" (the province or ward); '' when not set. */
  readonly place: string;
  readonly principalName: string;
}

export interface HocBaSubject {
  readonly name: string;
  readonly level: SubjectLevel | null;
  /** End-of-year test score (the re-test when there was one); null where no test is prescribed. */
  readonly score: number | null;
  readonly comment: string;
}

export interface HocBaQuality {
  readonly name: string;
  readonly group: QualityItem['group'];
  readonly level: QualityLevel | null;
}

/** The học bạ page of one pupil for one school year. */
export interface HocBaDoc {
  readonly school: SchoolHeader;
  /** "2024-2025". */
  readonly yearName: string;
  readonly pupil: {
    readonly fullName: string;
    readonly sex: 'male' | 'female';
    /** ISO date; printed dd/MM/yyyy. */
    readonly birthDate: string;
    readonly birthPlace: string;
    /** The ethnic group's name ("Kinh"). */
    readonly ethnicity: string;
    readonly nationality: string;
    readonly address: string;
    /** Mã định danh (Bộ GD&ĐT); '' when not issued. */
    readonly sectorId: string;
    readonly personalId: string;
    readonly className: string;
    readonly grade: number;
  };
  readonly homeroomTeacher: string;
  readonly subjects: readonly HocBaSubject[];
  readonly qualities: readonly HocBaQuality[];
  readonly result: YearLevel | null;
  /** Award titles in words. */
  readonly awards: readonly string[];
  /** "Hoàn thành chương trình lớp 3" / "Hoàn thành chương trình tiểu học" / "Chưa hoàn thành chương trình lớp 3" / ''. */
  readonly completion: string;
  /** "Được lên lớp" / "Chưa được lên lớp" / ''. */
  readonly promotion: string;
  readonly comment: string;
  /** ISO date the document is dated (end of the school year). */
  readonly date: string;
}

export interface SummarySubjectColumn {
  readonly key: string;
  readonly name: string;
  /** Whether the point has a test for this subject: then the sheet shows "Mức" and "Điểm". */
  readonly tested: boolean;
}

export interface SummaryRow {
  readonly no: number;
  readonly fullName: string;
  readonly sex: 'male' | 'female';
  /** By subject key. */
  readonly subjects: Readonly<Record<string, { readonly level: SubjectLevel | null; readonly score: number | null }>>;
  /** By quality key. */
  readonly qualities: Readonly<Record<string, QualityLevel | null>>;
  /** End of year only. */
  readonly result: YearLevel | null;
  readonly awards: readonly string[];
}

/** Bảng tổng hợp kết quả đánh giá giáo dục của lớp, for one class and one periodic point. */
export interface ClassSummaryDoc {
  readonly school: SchoolHeader;
  readonly yearName: string;
  readonly className: string;
  readonly grade: number;
  /** "Cuối năm học". */
  readonly pointLabel: string;
  readonly endOfYear: boolean;
  readonly homeroomTeacher: string;
  readonly subjects: readonly SummarySubjectColumn[];
  readonly qualityItems: readonly QualityItem[];
  readonly rows: readonly SummaryRow[];
  readonly date: string;
}

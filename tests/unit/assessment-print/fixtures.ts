/**
 * Realistic documents for the print renderers' tests and the bench: a grade 3 pupil of a Hà Nội school
 * with comments full of tone marks, and a class of any size for the summary sheet. Deterministic, so a
 * failing test shows the same file twice.
 */
import { subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  AWARD_LABELS,
  QUALITY_ITEMS,
  requiresTest,
  type QualityLevel,
  type SubjectLevel,
  type YearLevel,
} from '../../../src-shared/domain/tt27';
import type {
  ClassSummaryDoc,
  HocBaDoc,
  SchoolHeader,
  SummaryRow,
} from '../../../src-main/core/assessment/print/types';

export const SCHOOL: SchoolHeader = {
  educationOffice: 'Phòng GDĐT Quận Đống Đa',
  name: 'Trường Tiểu học Kim Liên',
  place: 'Hà Nội',
  principalName: 'Đỗ Thị Mỹ Hạnh',
};

/** Comments as teachers write them: the rare letters ữ ặ ỹ included. */
const COMMENTS: Record<string, string> = {
  tieng_viet:
    'Đọc trôi chảy, diễn cảm; viết đúng chính tả, chữ viết đẹp. Biết dùng từ ngữ phù hợp khi kể chuyện, nắm vững cách đặt câu.',
  toan: 'Thực hiện thành thạo phép nhân, phép chia trong bảng; giải được bài toán có lời văn bằng hai bước tính.',
  ngoai_ngu_1: 'Phát âm chuẩn, mạnh dạn giao tiếp bằng những mẫu câu đã học.',
  dao_duc: 'Biết giữ lời hứa, quan tâm và giúp đỡ bạn bè; lễ phép với thầy cô.',
  tn_xh: 'Nêu được một số bộ phận của thực vật, động vật; có kĩ năng quan sát tốt.',
  tin_hoc_cn: 'Sử dụng chuột và bàn phím đúng cách; làm được đồ dùng học tập đơn giản.',
  gdtc: 'Thực hiện đúng các động tác đội hình, đội ngũ; tích cực tham gia trò chơi vận động.',
  am_nhac: 'Hát đúng giai điệu, thuộc lời các bài hát; biết gõ đệm theo phách.',
  mi_thuat: 'Vẽ được tranh theo đề tài, phối hợp màu sắc hài hoà, sáng tạo.',
  hdtn: 'Tích cực tham gia các hoạt động tập thể, biết chia sẻ cảm xúc của mình với bạn.',
};

/**
 * The học bạ of one pupil. `overrides.pupil` replaces the pupil's fields; a long comment stretches the
 * subject rows over a page break.
 */
export function hocBaDoc(
  overrides: Partial<Omit<HocBaDoc, 'pupil'>> & { pupil?: Partial<HocBaDoc['pupil']> } = {},
): HocBaDoc {
  const grade = overrides.pupil?.grade ?? 3;
  const subjects = subjectsForGrade(grade)
    .filter((s) => !s.elective)
    .map((s, i) => ({
      name: s.name,
      level: (i % 4 === 3 ? 'H' : 'T') as SubjectLevel,
      score: requiresTest(grade, s.key, 'CUOI_NAM') ? 10 - (i % 3) : null,
      comment: COMMENTS[s.key] ?? 'Hoàn thành tốt các nội dung học tập của môn học.',
    }));
  const { pupil, ...rest } = overrides;
  return {
    school: SCHOOL,
    yearName: '2024-2025',
    pupil: {
      fullName: 'Nguyễn Thị Thuỷ Tiên',
      sex: 'female',
      birthDate: '2016-09-05',
      birthPlace: 'Bệnh viện Phụ sản Hà Nội, quận Đống Đa, thành phố Hà Nội',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      address: 'Số 12 ngõ 4 phố Phương Mai, phường Phương Mai, quận Đống Đa, Hà Nội',
      sectorId: '0100123456',
      personalId: '001316012345',
      className: '3A',
      grade,
      ...pupil,
    },
    homeroomTeacher: 'Trần Thị Thu Hằng',
    subjects,
    qualities: QUALITY_ITEMS.map((q, i) => ({
      name: q.name,
      group: q.group,
      level: (i === 9 ? 'D' : 'T') as QualityLevel,
    })),
    result: 'HTT',
    awards: [AWARD_LABELS.HS_TIEU_BIEU],
    completion: `Hoàn thành chương trình lớp ${grade}`,
    promotion: 'Được lên lớp',
    comment:
      'Em ngoan, lễ phép, chăm chỉ học tập; biết tự giác hoàn thành nhiệm vụ được giao. Cần mạnh dạn hơn khi phát biểu ý kiến trước lớp. Giữ vững thành tích, cố gắng hơn nữa nhé!',
    date: '2025-05-31',
    ...rest,
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Khánh', 'Phương', 'Hoài', 'Mỹ'];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Gia', 'Quang', 'Hữu', 'Thành', 'Tuấn'];
const GIVEN_F = ['Anh', 'Chi', 'Giang', 'Hạnh', 'Hoa', 'Linh', 'Ngọc', 'Thảo', 'Trang', 'Yến', 'Ánh', 'Thuỷ'];
const GIVEN_M = ['An', 'Bình', 'Dũng', 'Đức', 'Hải', 'Khôi', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Vỹ'];

/** Pupil names, all different, with their sex. */
export function pupilNames(count: number): { fullName: string; sex: 'male' | 'female' }[] {
  const out: { fullName: string; sex: 'male' | 'female' }[] = [];
  const seen = new Set<string>();
  for (let k = 0; out.length < count; k++) {
    const sex = out.length % 2 === 0 ? 'female' : 'male';
    const middle = sex === 'female' ? MIDDLE_F : MIDDLE_M;
    const given = sex === 'female' ? GIVEN_F : GIVEN_M;
    const round = Math.floor(k / FAMILY.length);
    const fullName = `${FAMILY[k % FAMILY.length]} ${middle[(k + round) % middle.length]} ${given[(k * 5 + round) % given.length]}`;
    if (seen.has(fullName)) continue;
    seen.add(fullName);
    out.push({ fullName, sex });
  }
  return out;
}

const SUBJECT_CYCLE: SubjectLevel[] = ['T', 'T', 'H', 'T', 'H', 'C', 'T', 'H'];
const QUALITY_CYCLE: QualityLevel[] = ['T', 'D', 'T', 'T', 'C', 'D'];
const RESULT_CYCLE: YearLevel[] = ['HTXS', 'HTT', 'HT', 'HT', 'HTT', 'CHT'];

/** The class summary of a grade 3 class of `size` pupils at a point (end of year by default). */
export function classSummaryDoc(size = 40, endOfYear = true): ClassSummaryDoc {
  const grade = 3;
  const point = endOfYear ? 'CUOI_NAM' : 'GIUA_HK1';
  const subjects = subjectsForGrade(grade)
    .filter((s) => !s.elective)
    .map((s) => ({ key: s.key, name: s.name, tested: requiresTest(grade, s.key, point) }));
  const rows: SummaryRow[] = pupilNames(size).map((p, i) => ({
    no: i + 1,
    fullName: p.fullName,
    sex: p.sex,
    subjects: Object.fromEntries(
      subjects.map((s, j) => [
        s.key,
        {
          // One gap per class, so a missing entry shows as an empty cell.
          level: i === 7 && j === 1 ? null : SUBJECT_CYCLE[(i + j) % SUBJECT_CYCLE.length]!,
          score: s.tested ? 5 + ((i + j) % 6) : null,
        },
      ]),
    ),
    qualities: Object.fromEntries(QUALITY_ITEMS.map((q, j) => [q.key, QUALITY_CYCLE[(i + j) % QUALITY_CYCLE.length]!])),
    result: endOfYear ? RESULT_CYCLE[i % RESULT_CYCLE.length]! : null,
    awards: endOfYear && i % 6 === 0 ? [AWARD_LABELS.HS_XUAT_SAC] : [],
  }));
  return {
    school: SCHOOL,
    yearName: '2024-2025',
    className: '3A',
    grade,
    pointLabel: endOfYear ? 'Cuối năm học' : 'Giữa học kỳ I',
    endOfYear,
    homeroomTeacher: 'Trần Thị Thu Hằng',
    subjects,
    qualityItems: QUALITY_ITEMS,
    rows,
    date: endOfYear ? '2025-05-31' : '2024-11-08',
  };
}

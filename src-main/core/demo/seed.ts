/**
 * The demo school for `truongso serve --demo`: a living primary school (5 grades × 3 classes of about
 * 35 pupils, ~27 staff, rooms with a computer room, computers and equipment) with the accounts admin,
 * principal, clerk and teacher, password 'demo'. Deterministic, so screenshots and tests see the same
 * school every time.
 * Keep it in step with the schema: a capability that adds tables adds its demo rows here.
 */
import type { Store } from '../../store/open';
import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/users';
import { setupSchool } from '../school/service';
import {
  classes,
  enrolments,
  guardians,
  pupilEvents,
  pupils,
  rooms,
  staff,
  teachingAssignments,
} from '../records/schema';
import { subjectsForGrade } from '../../../src-shared/domain/subjects';
import { schoolYears } from '../school/schema';
import { defaultSchoolYear, schoolYearStartFor } from '../../../src-shared/domain/schoolYear';
import { todayIso } from '../../../src-shared/domain/dates';
import { foldForSearch, splitName } from '../../../src-shared/domain/vnName';
import { personNameColumns } from '../records/names';
import { seedFacilities } from '../records/facilities/demo';
import { seedDemoHealth } from './health';
import { seedDemoAssessment } from './assessment';
import { centuryDigit } from '../../../src-shared/domain/personalId';
import {
  ETHNICITIES,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  MALE_GIVEN,
  MALE_MIDDLE,
  OCCUPATIONS,
  STREETS,
} from './names';
import { eq } from 'drizzle-orm';
import { pickWeighted, rng } from './random';

export const DEMO_PASSWORD = 'demo';
export const DEMO_SCHOOL_CODE = '01000123';

class Picker {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  one<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    return pickWeighted(this.next, list);
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  name(sex: 'male' | 'female'): string {
    const family = this.weighted(FAMILY_NAMES);
    const middle = this.one(sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
    const given = this.one(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
    return `${family} ${middle} ${given}`;
  }
  phone(): string {
    return `09${this.digits(8)}`;
  }
}

/** Số định danh cá nhân: province 001 (Hà Nội), century-and-sex digit, year of birth, six random digits. */
function personalId(pick: Picker, sex: 'male' | 'female', birthYear: number): string {
  return `001${centuryDigit(sex, birthYear)}${String(birthYear % 100).padStart(2, '0')}${pick.digits(6)}`;
}

interface StaffSeed {
  name: string;
  sex: 'male' | 'female';
  group: 'manager' | 'teacher' | 'support';
  position: string;
  subject: string;
  account?: 'principal' | 'clerk' | 'teacher' | 'medical';
}

export async function seedDemoSchool(store: Store, now: Date = new Date()): Promise<void> {
  const pick = new Picker(rng(20240905));
  const startYear = schoolYearStartFor(todayIso(now));
  const year = defaultSchoolYear(startYear);
  const demoHash = await hashPassword(DEMO_PASSWORD);

  await setupSchool(
    store,
    {
      school: {
        name: 'Trường Tiểu học Nguyễn Trãi',
        code: DEMO_SCHOOL_CODE,
        educationOffice: 'Phòng Giáo dục và Đào tạo huyện Thanh Trì',
        educationDepartment: 'Sở Giáo dục và Đào tạo Hà Nội',
        province: 'Hà Nội',
        ward: 'Xã Thanh Trì',
        address: 'Số 12 đường Nguyễn Trãi, xã Thanh Trì, Hà Nội',
        principalName: 'Trần Thị Thu Hà',
        phone: '0243 861 2345',
        email: 'c1nguyentrai@hanoi.edu.vn',
      },
      admin: { username: 'admin', fullName: 'Quản trị hệ thống', password: DEMO_PASSWORD },
      year,
      demo: true,
    },
    () => seedRecords(store, pick, startYear, demoHash, now),
  );
}

function seedRecords(store: Store, pick: Picker, startYear: number, demoHash: string, now: Date): void {
  const year = defaultSchoolYear(startYear);
  const ts = now.getTime();
  const stamp = { createdAt: ts, updatedAt: ts };
  const currentYear = store.orm.select().from(schoolYears).where(eq(schoolYears.name, year.name)).get()!;
  // Last year too, so the years page and later history have something to show.
  store.orm
    .insert(schoolYears)
    .values({ ...defaultSchoolYear(startYear - 1), isCurrent: false, ...stamp })
    .run();

  const accounts = {
    principal: insertUser(store, {
      username: 'principal',
      fullName: 'Trần Thị Thu Hà',
      role: 'principal',
      passwordHash: demoHash,
      mustChangePassword: false,
    }),
    clerk: insertUser(store, {
      username: 'clerk',
      fullName: 'Phạm Thị Lan',
      role: 'clerk',
      passwordHash: demoHash,
      mustChangePassword: false,
    }),
    teacher: insertUser(store, {
      username: 'teacher',
      fullName: 'Nguyễn Thị Minh Anh',
      role: 'teacher',
      passwordHash: demoHash,
      mustChangePassword: false,
    }),
    // The school nurse, for the health pages.
    medical: insertUser(store, {
      username: 'yte',
      fullName: 'Đỗ Thị Hồng',
      role: 'medical',
      passwordHash: demoHash,
      mustChangePassword: false,
    }),
  };

  // Rooms: 15 classrooms, the computer room and the subject rooms.
  const roomIds: number[] = [];
  for (let floor = 1; floor <= 3; floor++) {
    for (let n = 1; n <= 5; n++) {
      const code = `P${floor}0${n}`;
      const row = store.orm
        .insert(rooms)
        .values({
          code,
          name: `Phòng học ${code}`,
          type: 'classroom',
          construction: floor === 3 && n >= 4 ? 'semi_permanent' : 'permanent',
          areaM2: 54,
          seats: 40,
          hasProjector: !(floor === 3 && n >= 4),
          hasInternet: floor < 3,
          ...stamp,
        })
        .returning({ id: rooms.id })
        .get();
      roomIds.push(row.id);
    }
  }
  const specialRooms = [
    { code: 'TH01', name: 'Phòng Tin học', type: 'computer_room', seats: 35, areaM2: 70 },
    { code: 'TV01', name: 'Thư viện', type: 'library', seats: 40, areaM2: 80 },
    { code: 'NN01', name: 'Phòng Tiếng Anh', type: 'english', seats: 35, areaM2: 60 },
    { code: 'AN01', name: 'Phòng Âm nhạc', type: 'music', seats: 35, areaM2: 60 },
    { code: 'MT01', name: 'Phòng Mĩ thuật', type: 'art', seats: 35, areaM2: 60 },
    { code: 'VP01', name: 'Văn phòng nhà trường', type: 'office', seats: null, areaM2: 40 },
    { code: 'YT01', name: 'Phòng Y tế', type: 'medical', seats: null, areaM2: 20 },
  ] as const;
  for (const r of specialRooms) {
    store.orm
      .insert(rooms)
      .values({ ...r, construction: 'permanent', hasProjector: r.type !== 'medical', hasInternet: true, ...stamp })
      .run();
  }
  seedFacilities(store, startYear, ts);

  // Staff: managers, 15 homeroom teachers, subject teachers and support staff.
  const team: StaffSeed[] = [
    { name: 'Trần Thị Thu Hà', sex: 'female', group: 'manager', position: '01', subject: '', account: 'principal' },
    { name: 'Lê Văn Hùng', sex: 'male', group: 'manager', position: '02', subject: '' },
    {
      name: 'Nguyễn Thị Minh Anh',
      sex: 'female',
      group: 'teacher',
      position: '',
      subject: '09',
      account: 'teacher',
    },
  ];
  for (let i = 0; i < 14; i++) {
    const sex = pick.next() < 0.85 ? 'female' : 'male';
    team.push({
      name: pick.name(sex),
      sex,
      group: 'teacher',
      position: i % 5 === 0 ? '03' : '',
      subject: '09',
    });
  }
  // DM_MON_DAY_GV codes: Tiếng Anh ×2, Tin học, Âm nhạc, Mĩ thuật, Thể dục.
  for (const subject of ['07', '07', '10', '05', '19', '08']) {
    const sex = pick.next() < 0.6 ? 'female' : 'male';
    team.push({ name: pick.name(sex), sex, group: 'teacher', position: '', subject });
  }
  team.push({ name: 'Phạm Thị Lan', sex: 'female', group: 'support', position: '16', subject: '', account: 'clerk' });
  team.push({ name: pick.name('female'), sex: 'female', group: 'support', position: '15', subject: '' });
  team.push({ name: 'Đỗ Thị Hồng', sex: 'female', group: 'support', position: '11', subject: '', account: 'medical' });
  team.push({ name: pick.name('female'), sex: 'female', group: 'support', position: '09', subject: '' });
  team.push({ name: pick.name('male'), sex: 'male', group: 'support', position: '17', subject: '' });

  const homeroomIds: number[] = [];
  const specialists = new Map<string, number[]>();
  team.forEach((m, i) => {
    const birthYear = pick.int(1970, 1998);
    const row = store.orm
      .insert(staff)
      .values({
        ...personNameColumns(m.name),
        sectorId: `${DEMO_SCHOOL_CODE}${String(i + 1).padStart(4, '0')}`,
        personalId: personalId(pick, m.sex, birthYear),
        sex: m.sex,
        birthDate: `${birthYear}-${String(pick.int(1, 12)).padStart(2, '0')}-${String(pick.int(1, 28)).padStart(2, '0')}`,
        staffGroup: m.group,
        position: m.position,
        mainSubject: m.subject,
        qualification: m.group === 'support' ? '05' : pick.one(['16', '16', '03', '02']),
        contractType: m.group === 'support' && m.position === '17' ? '04' : '07',
        phone: pick.phone(),
        email:
          m.group === 'support' && m.position === '17'
            ? ''
            : `${foldForSearch(m.name).split(' ').reverse().join('.')}@nguyentrai.edu.vn`,
        partyMember: m.group === 'manager' || pick.next() < 0.3,
        unionMember: true,
        hasSignatureCert: m.group === 'manager' || pick.next() < 0.4,
        userId: m.account ? accounts[m.account].id : null,
        ...stamp,
      })
      .returning({ id: staff.id })
      .get();
    if (m.group !== 'teacher') return;
    if (m.subject === '09') homeroomIds.push(row.id);
    else specialists.set(m.subject, [...(specialists.get(m.subject) ?? []), row.id]);
  });

  // Classes 1A–5C with their homeroom teachers, and ~35 pupils each.
  let pupilNo = 0;
  let classNo = 0;
  for (let grade = 1; grade <= 5; grade++) {
    for (const letter of ['A', 'B', 'C']) {
      const cls = store.orm
        .insert(classes)
        .values({
          schoolYearId: currentYear.id,
          grade,
          name: `${grade}${letter}`,
          homeroomStaffId: homeroomIds[classNo],
          roomId: roomIds[classNo],
          sessionsPerDay: 2,
          ...stamp,
        })
        .returning({ id: classes.id })
        .get();
      classNo++;
      assignTeachers(store, cls.id, grade, homeroomIds[classNo - 1]!, specialists, classNo, ts);
      const size = pick.int(32, 38);
      for (let k = 0; k < size; k++) {
        pupilNo++;
        const sex = pick.next() < 0.51 ? 'male' : 'female';
        const fullName = pick.name(sex);
        const birthYear = startYear - 5 - grade;
        const pupil = store.orm
          .insert(pupils)
          .values({
            ...personNameColumns(fullName),
            sectorId: `${DEMO_SCHOOL_CODE}${String(pupilNo).padStart(6, '0')}`,
            personalId: personalId(pick, sex, birthYear),
            sex,
            birthDate: `${birthYear}-${String(pick.int(1, 12)).padStart(2, '0')}-${String(pick.int(1, 28)).padStart(2, '0')}`,
            birthPlace: 'Hà Nội',
            ethnicity: pick.weighted(ETHNICITIES),
            address: `Số ${pick.int(1, 200)} đường ${pick.one(STREETS)}, xã Thanh Trì, Hà Nội`,
            disabilityType: pick.next() < 0.01 ? pick.one(['01', '02', '05']) : '',
            policyGroup: pick.next() < 0.04 ? pick.one(['08', '09']) : '',
            ...stamp,
          })
          .returning({ id: pupils.id })
          .get();
        store.orm
          .insert(enrolments)
          .values({
            pupilId: pupil.id,
            classId: cls.id,
            schoolYearId: currentYear.id,
            startDate: year.startDate,
            entry: grade === 1 ? 'new' : 'promoted',
            createdAt: ts,
          })
          .run();
        store.orm
          .insert(pupilEvents)
          .values({
            pupilId: pupil.id,
            schoolYearId: currentYear.id,
            date: year.startDate,
            kind: grade === 1 ? 'enrolled' : 'promoted',
            status: '01',
            place: `${grade}${letter}`,
            createdAt: ts,
          })
          .run();
        const family = splitName(fullName).family;
        store.orm
          .insert(guardians)
          .values([
            {
              pupilId: pupil.id,
              relation: 'father',
              fullName: `${family} ${pick.one(MALE_MIDDLE)} ${pick.one(MALE_GIVEN)}`,
              birthYear: birthYear - pick.int(25, 38),
              occupation: pick.one(OCCUPATIONS),
              phone: pick.phone(),
              createdAt: ts,
            },
            {
              pupilId: pupil.id,
              relation: 'mother',
              fullName: pick.name('female'),
              birthYear: birthYear - pick.int(23, 35),
              occupation: pick.one(OCCUPATIONS),
              phone: pick.phone(),
              createdAt: ts,
            },
          ])
          .run();
      }
    }
  }
  seedDemoHealth(store, now);
  seedDemoAssessment(store, now);
}

/** DM_MON_DAY_GV code of a specialist → the subject they teach, from grade 3 for languages and IT. */
const SPECIALIST_SUBJECTS: Record<string, string> = {
  '07': 'ngoai_ngu_1',
  '10': 'tin_hoc_cn',
  '05': 'am_nhac',
  '19': 'mi_thuat',
  '08': 'gdtc',
};

/** The homeroom teacher teaches the core subjects; specialists share the rest, round robin. */
function assignTeachers(
  store: Store,
  classId: number,
  grade: number,
  homeroomId: number,
  specialists: Map<string, number[]>,
  classNo: number,
  ts: number,
): void {
  const bySubject = new Map(
    Object.entries(SPECIALIST_SUBJECTS).map(([code, subject]) => [subject, specialists.get(code) ?? []]),
  );
  for (const subject of subjectsForGrade(grade)) {
    if (subject.elective) continue;
    const pool = bySubject.get(subject.key);
    const staffId = pool && pool.length > 0 ? pool[classNo % pool.length]! : homeroomId;
    store.orm.insert(teachingAssignments).values({ classId, subject: subject.key, staffId, createdAt: ts }).run();
  }
}

/**
 * The facilities figures of the start-of-year statistics form (Biểu 02-TH-ĐN) and of the DX
 * indicators, always computed from the rooms, computers and equipment rather than typed in, so that the
 * form and the inventory cannot disagree.
 */
import { eq } from 'drizzle-orm';
import type { Store } from '../../../store/open';
import { DISPLAY_CATEGORIES, type CONSTRUCTIONS, type FacilitiesSummary } from '../../../../src-shared/api/records';
import { schoolYears } from '../../school/schema';

type Construction = (typeof CONSTRUCTIONS)[number];

/** part / whole in percent with one decimal; 0 of nothing is 0 %. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function studyingPupils(store: Store): { yearName: string | null; pupils: number } {
  const year = store.orm.select().from(schoolYears).where(eq(schoolYears.isCurrent, true)).get();
  if (!year) return { yearName: null, pupils: 0 };
  // The same rule as the "studying" pupil list: an open enrolment, or one completed at the year's end.
  const pupils = store
    .statement(
      `SELECT count(DISTINCT pupil_id) FROM enrolments
       WHERE school_year_id = ? AND (end_date IS NULL OR exit = 'completed')`,
    )
    .pluck()
    .get(year.id) as number;
  return { yearName: year.name, pupils };
}

interface ComputerCounts {
  total: number;
  working: number;
  withInternet: number;
  teaching: number;
  teachingWorking: number;
  office: number;
  officeWorking: number;
}

function computerCounts(store: Store): ComputerCounts {
  return store
    .statement(
      `SELECT count(*) AS total,
              coalesce(sum(working), 0) AS working,
              coalesce(sum(has_internet), 0) AS withInternet,
              coalesce(sum(purpose = 'teaching'), 0) AS teaching,
              coalesce(sum(purpose = 'teaching' AND working), 0) AS teachingWorking,
              coalesce(sum(purpose = 'office'), 0) AS office,
              coalesce(sum(purpose = 'office' AND working), 0) AS officeWorking
       FROM computers`,
    )
    .get() as ComputerCounts;
}

interface RoomFacts {
  type: string;
  construction: Construction;
  hasInternet: number;
  /** The room says it has a projector, or a display that is not broken is recorded in it. */
  showsPictures: number;
}

function roomFacts(store: Store): RoomFacts[] {
  const displays = DISPLAY_CATEGORIES.map((c) => `'${c}'`).join(', ');
  return store
    .statement(
      `SELECT r.type, r.construction, r.has_internet AS hasInternet,
              (r.has_projector OR EXISTS (
                 SELECT 1 FROM equipment e
                 WHERE e.room_id = r.id AND e.category IN (${displays})
                   AND e.condition <> 'broken' AND e.quantity > 0)) AS showsPictures
       FROM rooms r`,
    )
    .all() as RoomFacts[];
}

function countByConstruction(rooms: RoomFacts[]): Record<Construction, number> {
  const counts = { permanent: 0, semi_permanent: 0, temporary: 0 };
  for (const r of rooms) counts[r.construction]++;
  return counts;
}

export function facilitiesSummary(store: Store): FacilitiesSummary {
  const { yearName, pupils } = studyingPupils(store);
  const c = computerCounts(store);
  const rooms = roomFacts(store);
  const classrooms = rooms.filter((r) => r.type === 'classroom');
  const withProjector = classrooms.filter((r) => r.showsPictures).length;
  const withInternet = classrooms.filter((r) => r.hasInternet).length;
  const roomsByConstruction = countByConstruction(rooms);
  const equipment = store
    .statement(
      `SELECT coalesce(sum(quantity), 0) AS items,
              coalesce(sum(CASE WHEN condition = 'needs_repair' THEN quantity END), 0) AS needsRepair,
              coalesce(sum(CASE WHEN condition = 'broken' THEN quantity END), 0) AS broken
       FROM equipment`,
    )
    .get() as FacilitiesSummary['equipment'];

  return {
    schoolYearName: yearName,
    pupils,
    computers: { ...c, workingPercent: percentOf(c.working, c.total), broken: c.total - c.working },
    pupilsPerTeachingComputer: c.teachingWorking > 0 ? Math.round((pupils / c.teachingWorking) * 10) / 10 : null,
    classrooms: {
      total: classrooms.length,
      withProjector,
      withProjectorPercent: percentOf(withProjector, classrooms.length),
      withInternet,
      withInternetPercent: percentOf(withInternet, classrooms.length),
      byConstruction: countByConstruction(classrooms),
    },
    rooms: {
      total: rooms.length,
      computerRooms: rooms.filter((r) => r.type === 'computer_room').length,
      byConstruction: roomsByConstruction,
      byConstructionPercent: {
        permanent: percentOf(roomsByConstruction.permanent, rooms.length),
        semi_permanent: percentOf(roomsByConstruction.semi_permanent, rooms.length),
        temporary: percentOf(roomsByConstruction.temporary, rooms.length),
      },
    },
    equipment,
  };
}

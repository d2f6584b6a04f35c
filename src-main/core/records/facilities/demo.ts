/**
 * The demo school's computers and equipment, written as a school would have them: a computer room of
 * 35 pupil seats and the teacher's machine, a few of them broken; office computers in the office and the
 * library; a projector or TV in each classroom that has one, an old broken projector in P304 and a new
 * TV in P305 (a room the room list still says has none); water filters and toilets. Fixed, not random,
 * so that the tests can count on the figures.
 */
import type { Store } from '../../../store/open';
import { computers, equipment } from '../schema';

type EquipmentSeed = Omit<typeof equipment.$inferInsert, 'roomId' | 'createdAt' | 'updatedAt'> & {
  room: string | null;
};
type ComputerSeed = Omit<typeof computers.$inferInsert, 'roomId' | 'createdAt' | 'updatedAt'> & { room: string };

/** Computer-room machines that do not start: the IT teacher's list of repairs. */
const BROKEN_LAB_SEATS: Record<number, string> = {
  7: 'Hỏng nguồn, chờ thay',
  19: 'Hỏng ổ cứng',
  28: 'Màn hình không lên hình',
};

function labComputers(startYear: number): ComputerSeed[] {
  return Array.from({ length: 36 }, (_, i) => {
    const seat = i + 1;
    return {
      code: `TH01-${String(seat).padStart(2, '0')}`,
      room: 'TH01',
      kind: 'desktop' as const,
      purpose: 'teaching' as const,
      working: !(seat in BROKEN_LAB_SEATS),
      hasInternet: true,
      yearAcquired: startYear - 4,
      notes: seat === 36 ? 'Máy giáo viên' : (BROKEN_LAB_SEATS[seat] ?? ''),
    };
  });
}

function officeComputers(startYear: number): ComputerSeed[] {
  const office = (code: string, room: string, kind: 'desktop' | 'laptop', year: number, notes: string) => ({
    code,
    room,
    kind,
    purpose: 'office' as const,
    working: true,
    hasInternet: true,
    yearAcquired: year,
    notes,
  });
  return [
    office('VP01-01', 'VP01', 'laptop', startYear - 1, 'Hiệu trưởng'),
    office('VP01-02', 'VP01', 'laptop', startYear - 2, 'Phó Hiệu trưởng'),
    office('VP01-03', 'VP01', 'desktop', startYear - 3, 'Văn thư'),
    office('VP01-04', 'VP01', 'desktop', startYear - 3, 'Kế toán'),
    { ...office('VP01-05', 'VP01', 'desktop', startYear - 9, 'Máy cũ, hỏng bo mạch'), working: false },
    office('VP01-06', 'VP01', 'desktop', startYear - 2, 'Phòng họp'),
    office('VP01-07', 'VP01', 'desktop', startYear - 5, 'Tổng phụ trách Đội'),
    office('TV01-01', 'TV01', 'desktop', startYear - 3, 'Quầy mượn trả sách'),
    office('TV01-02', 'TV01', 'desktop', startYear - 3, 'Tra cứu học liệu số'),
    { ...office('TV01-03', 'TV01', 'desktop', startYear - 6, 'Tra cứu, chưa kéo mạng'), hasInternet: false },
  ];
}

function classroomDisplays(startYear: number): EquipmentSeed[] {
  const rows: EquipmentSeed[] = [];
  for (let floor = 1; floor <= 3; floor++) {
    for (let n = 1; n <= 5; n++) {
      const room = `P${floor}0${n}`;
      if (floor === 3 && n === 4) {
        rows.push({
          room,
          category: 'projector',
          name: 'Máy chiếu Sony',
          quantity: 1,
          condition: 'broken',
          yearAcquired: startYear - 10,
          notes: 'Cháy bóng đèn, chờ thanh lý',
        });
      } else if (floor === 3 && n === 5) {
        rows.push({
          room,
          category: 'tv',
          name: 'Ti vi thông minh 65 inch',
          quantity: 1,
          condition: 'good',
          yearAcquired: startYear,
          notes: 'Phụ huynh tặng đầu năm học',
        });
      } else if (floor === 3) {
        rows.push({
          room,
          category: 'tv',
          name: 'Ti vi thông minh 55 inch',
          quantity: 1,
          condition: 'good',
          yearAcquired: startYear - 2,
          notes: '',
        });
      } else {
        const repair = room === 'P203';
        rows.push({
          room,
          category: 'projector',
          name: 'Máy chiếu Epson',
          quantity: 1,
          condition: repair ? 'needs_repair' : 'good',
          yearAcquired: startYear - (floor === 1 ? 3 : 5),
          notes: repair ? 'Hình bị mờ, cần vệ sinh' : '',
        });
      }
    }
  }
  return rows;
}

function otherEquipment(startYear: number): EquipmentSeed[] {
  const item = (
    room: string | null,
    category: EquipmentSeed['category'],
    name: string,
    quantity: number,
    yearsAgo: number | null,
    condition: EquipmentSeed['condition'] = 'good',
    notes = '',
  ): EquipmentSeed => ({
    room,
    category,
    name,
    quantity,
    condition,
    yearAcquired: yearsAgo === null ? null : startYear - yearsAgo,
    notes,
  });
  return [
    item('TH01', 'projector', 'Máy chiếu Epson', 1, 4),
    item('TH01', 'network', 'Switch 48 cổng', 1, 4),
    item('TH01', 'furniture', 'Bàn máy tính', 36, 4),
    item('TH01', 'furniture', 'Ghế xoay', 36, 4, 'good'),
    item('TV01', 'tv', 'Ti vi 50 inch', 1, 3),
    item('TV01', 'furniture', 'Giá sách', 12, 8),
    item('NN01', 'interactive_board', 'Bảng tương tác 75 inch', 1, 2),
    item('NN01', 'other', 'Tai nghe học ngoại ngữ', 35, 2, 'good'),
    item('NN01', 'other', 'Tai nghe học ngoại ngữ', 5, 2, 'broken', 'Đứt dây'),
    item('AN01', 'tv', 'Ti vi 55 inch', 1, 3),
    item('AN01', 'teaching_kit', 'Đàn organ', 2, 5),
    item('MT01', 'projector', 'Máy chiếu Epson', 1, 4),
    item('VP01', 'projector', 'Máy chiếu phòng họp', 1, 6),
    item('VP01', 'printer', 'Máy in laser', 3, 4),
    item('VP01', 'printer', 'Máy in laser', 1, 8, 'needs_repair', 'Kẹt giấy'),
    item('VP01', 'printer', 'Máy photocopy', 1, 6),
    item('VP01', 'network', 'Bộ định tuyến (router) cáp quang', 1, 2),
    item(null, 'network', 'Bộ phát Wi-Fi', 8, 2),
    item(null, 'teaching_kit', 'Bộ thiết bị dạy học tối thiểu lớp 1', 3, 6),
    item(null, 'teaching_kit', 'Bộ thiết bị dạy học tối thiểu lớp 2', 3, 5),
    item(null, 'teaching_kit', 'Bộ thiết bị dạy học tối thiểu lớp 3', 3, 4),
    item(null, 'teaching_kit', 'Bộ thiết bị dạy học tối thiểu lớp 4', 3, 3),
    item(null, 'teaching_kit', 'Bộ thiết bị dạy học tối thiểu lớp 5', 3, 2),
    item(null, 'furniture', 'Bàn ghế học sinh 2 chỗ ngồi', 280, 6),
    item(null, 'furniture', 'Bàn ghế học sinh 2 chỗ ngồi', 20, 10, 'needs_repair', 'Gãy chân, long mặt bàn'),
    item(null, 'water', 'Máy lọc nước RO', 3, 3, 'good', 'Mỗi tầng một máy'),
    item(null, 'water', 'Máy lọc nước RO', 1, 7, 'needs_repair', 'Cần thay lõi lọc'),
    item(null, 'water', 'Bể chứa nước 5 m³', 1, 12),
    item(null, 'sanitation', 'Khu vệ sinh học sinh nam', 3, 12),
    item(null, 'sanitation', 'Khu vệ sinh học sinh nữ', 3, 12),
    item(null, 'sanitation', 'Khu vệ sinh giáo viên', 2, 12, 'needs_repair', 'Thấm dột, cần chống thấm'),
    item(null, 'sanitation', 'Khu vệ sinh học sinh khuyết tật', 1, 3),
    item('YT01', 'other', 'Tủ thuốc', 1, 5),
  ];
}

/** Demo computers and equipment, placed in the demo school's rooms by code. */
export function seedFacilities(store: Store, startYear: number, ts: number): void {
  const roomIds = new Map(
    (store.db.prepare('SELECT code, id FROM rooms').all() as { code: string; id: number }[]).map((r) => [r.code, r.id]),
  );
  const roomOf = (code: string | null) => (code === null ? null : roomIds.get(code)!);
  const stamp = { createdAt: ts, updatedAt: ts };
  const machines = [...labComputers(startYear), ...officeComputers(startYear)];
  store.orm
    .insert(computers)
    .values(machines.map(({ room, ...c }) => ({ ...c, roomId: roomOf(room), ...stamp })))
    .run();
  const items = [...classroomDisplays(startYear), ...otherEquipment(startYear)];
  store.orm
    .insert(equipment)
    .values(items.map(({ room, ...e }) => ({ ...e, roomId: roomOf(room), ...stamp })))
    .run();
}

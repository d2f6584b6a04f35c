/**
 * Số định danh cá nhân: the 12-digit citizen ID issued by the Ministry of Public Security
 * (Thông tư 07/2016/TT-BCA, kept by Thông tư 59/2021/TT-BCA): 3 digits for the province where the
 * birth was registered, 1 digit for century and sex, 2 for the year of birth, 6 random digits.
 * The province codes are the 63 provinces' codes of that circular; IDs keep them after the 2025 mergers.
 */

export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type PersonalIdProblem = 'format' | 'province' | 'sex' | 'year';

/** The century-and-sex digit: 0/1 for men/women born 1900–1999, 2/3 for 2000–2099, and so on. */
export function centuryDigit(sex: 'male' | 'female', birthYear: number): number {
  return (Math.floor(birthYear / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * The first problem with an ID, or null. With the holder's sex and year of birth, the 4th to 6th
 * digits must agree with them (a common typing mistake swaps IDs between siblings).
 */
export function personalIdProblem(
  id: string,
  holder?: { sex: 'male' | 'female'; birthYear: number },
): PersonalIdProblem | null {
  if (!/^\d{12}$/.test(id)) return 'format';
  if (!(id.slice(0, 3) in PROVINCE_CODES)) return 'province';
  if (holder) {
    const digit = Number(id[3]);
    const expected = centuryDigit(holder.sex, holder.birthYear);
    if (digit % 2 !== expected % 2) return 'sex';
    if (
      Math.floor(digit / 2) !== Math.floor(expected / 2) ||
      id.slice(4, 6) !== String(holder.birthYear % 100).padStart(2, '0')
    ) {
      return 'year';
    }
  }
  return null;
}

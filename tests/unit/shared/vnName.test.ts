import { describe, expect, it } from 'vitest';
import {
  cleanName,
  compareVietnameseNames,
  foldForSearch,
  matchesSearch,
  splitName,
} from '../../../src-shared/domain/vnName';

describe('Vietnamese names', () => {
  it('splits họ, đệm and tên', () => {
    expect(splitName('Nguyễn Văn An')).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'An' });
    expect(splitName('  Tôn Nữ   Thị  Ngọc  Hân ')).toEqual({ family: 'Tôn', middle: 'Nữ Thị Ngọc', given: 'Hân' });
    expect(splitName('Lê Na')).toEqual({ family: 'Lê', middle: '', given: 'Na' });
    expect(splitName('Y')).toEqual({ family: '', middle: '', given: 'Y' });
  });

  it('normalises NFD input to NFC', () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Ánh');
    expect(cleanName(nfd)).toBe('Nguyễn Thị Ánh');
  });

  it('folds diacritics, đ and case for search', () => {
    expect(foldForSearch('Nguyễn Văn Đạt')).toBe('nguyen van dat');
    expect(foldForSearch('ĐẶNG THỊ HỒNG')).toBe('dang thi hong');
    expect(matchesSearch('Nguyễn Văn An', 'nguyen van an')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'van an')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'nguyen binh')).toBe(false);
  });

  it('orders a class list by tên, then họ đệm, with Vietnamese collation', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị Ánh', 'Lê Văn An', 'Phạm Thị An', 'Đỗ Minh Đức', 'Bùi Văn Dũng'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê Văn An',
      'Phạm Thị An',
      'Nguyễn Thị Ánh',
      'Trần Văn Bình',
      'Bùi Văn Dũng',
      'Đỗ Minh Đức',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  cleanName,
  compareVietnamese,
  compareVietnameseNames,
  nameSortKey,
  vietnameseSortKey,
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

describe('Vietnamese sort keys', () => {
  it('order names exactly as Intl.Collator("vi") under a plain binary comparison', () => {
    const family = ['Nguyễn', 'Trần', 'Lê', 'Đỗ', 'Đặng', 'Bùi', 'Ngô', 'Dương', 'Âu', 'Ứng'];
    const middle = ['Văn', 'Thị', 'Ngọc', 'Đức', 'Minh', 'Thu', 'Ánh', ''];
    const given = [
      'An',
      'Ân',
      'Ấn',
      'Ăn',
      'Anh',
      'Ánh',
      'Ảnh',
      'Bình',
      'Dũng',
      'Đạt',
      'Hà',
      'Hạ',
      'Hả',
      'Hã',
      'Há',
      'Hòa',
      'Hoà',
      'Ý',
      'Yến',
      'Ơn',
      'Ưng',
      'Uyên',
    ];
    const names: string[] = [];
    for (const f of family)
      for (const m of middle) for (const g of given) names.push([f, m, g].filter(Boolean).join(' '));
    names.push('nguyễn văn an', 'NGUYỄN VĂN AN', 'Lê Na', 'Y');
    const byCollator = [...names].sort(compareVietnameseNames);
    const keys = new Map(names.map((n) => [n, nameSortKey(n)]));
    const byKey = [...names].sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
    expect(byKey).toEqual(byCollator);
  });

  it('gives NFD and NFC spellings of a name the same key', () => {
    for (const name of ['Nguyễn Thị Ánh', 'Đặng Quỳnh Như', 'Lưu Ngọc Ưng']) {
      expect(nameSortKey(name.normalize('NFD'))).toBe(nameSortKey(name));
      expect(vietnameseSortKey(name.normalize('NFD'))).toBe(vietnameseSortKey(name));
    }
  });

  it('puts tones after letters: a à ả ã á ạ, then ă, â', () => {
    const words = ['ạ', 'ă', 'á', 'a', 'â', 'ả', 'à', 'ã', 'b', 'đ', 'd'];
    const sorted = [...words].sort((x, y) => (vietnameseSortKey(x) < vietnameseSortKey(y) ? -1 : 1));
    expect(sorted).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'â', 'b', 'd', 'đ']);
    expect(sorted).toEqual([...words].sort(compareVietnamese));
  });
});

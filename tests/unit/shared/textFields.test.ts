import { describe, expect, it } from 'vitest';
import { optionalPersonName, optionalText, personName, requiredText } from '../../../src-shared/api/common';
import { msg } from '../../../src-shared/i18n';

function issue(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? null : result.error!.issues[0]!.message;
}

describe('text fields', () => {
  it('trim white space and zero-width characters at the edges, and normalise to NFC', () => {
    expect(requiredText(50).parse(' \u200B\uFEFFTrường Tiểu học\u2060\n'.normalize('NFD'))).toBe('Trường Tiểu học');
    expect(optionalText(50).parse(undefined)).toBe('');
    expect(issue(requiredText(50), '\u200B\u200C\u200D')).toBe(msg('validation.required'));
  });

  it('keep tab and line breaks of notes, refuse other control characters and lone surrogates', () => {
    expect(optionalText(50).parse('dòng 1\r\n\tdòng 2')).toBe('dòng 1\r\n\tdòng 2');
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\uD800b', 'a\uDFFFb']) {
      expect(issue(optionalText(50), bad), JSON.stringify(bad)).toBe(msg('validation.controlCharacters'));
    }
    expect(requiredText(50).parse('😀 ok')).toBe('😀 ok');
  });
});

describe('person names', () => {
  it('remove zero-width characters anywhere and keep real names whole', () => {
    expect(personName().parse('\u200BNguyễn\u200D Văn\u2060 An\uFEFF')).toBe('Nguyễn Văn An');
    expect(personName().parse('Nguyễn Thị Ánh'.normalize('NFD'))).toBe('Nguyễn Thị Ánh');
    expect(personName().parse("H'Hen Niê")).toBe("H'Hen Niê");
    expect(optionalPersonName().parse(undefined)).toBe('');
    expect(optionalPersonName().parse('\u200B')).toBe('');
  });

  it('refuse names that are empty, letterless, broken or with an accent standing alone', () => {
    expect(issue(personName(), '\u200B\u200C\u200D\u2060\uFEFF')).toBe(msg('validation.required'));
    expect(issue(personName(), '   ')).toBe(msg('validation.required'));
    expect(issue(personName(), '\u0301\u0300\u0323')).toBe(msg('validation.nameLetter'));
    expect(issue(personName(), '... -')).toBe(msg('validation.nameLetter'));
    expect(issue(personName(), 'Lê \u0301An')).toBe(msg('validation.nameLoneMark'));
    expect(issue(personName(), 'An\u0000')).toBe(msg('validation.controlCharacters'));
    expect(issue(personName(), 'Lê\tAn')).toBe(msg('validation.controlCharacters'));
    expect(issue(personName(), 'Lê\nAn')).toBe(msg('validation.controlCharacters'));
    expect(issue(personName(), 'Lê \uDC00An')).toBe(msg('validation.controlCharacters'));
    expect(issue(personName(10), 'Nguyễn Văn Anh')).not.toBeNull();
  });
});

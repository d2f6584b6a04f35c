import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, httpOriginOf, isSameOriginNavigation } from '../../../src-main/electron/urlPolicy';

const SERVER = 'http://127.0.0.1:5175';

describe('navigation stays on the school server', () => {
  it.each(['http://127.0.0.1:5175/', 'http://127.0.0.1:5175/records/pupils?page=2#top', 'http://127.0.0.1:5175/lab'])(
    'allows %s',
    (url) => {
      expect(isSameOriginNavigation(url, SERVER)).toBe(true);
    },
  );

  it.each([
    ['another port', 'http://127.0.0.1:5176/'],
    ['another scheme', 'https://127.0.0.1:5175/'],
    ['another host name for the same PC', 'http://localhost:5175/'],
    ['a site on the internet', 'https://evil.example/'],
    ['credentials that make the server look like a user name', 'http://127.0.0.1:5175@evil.example/'],
    ['a file', 'file:///C:/Windows/System32/calc.exe'],
    ['script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<h1>x</h1>'],
    ['not a URL', 'not a url'],
  ])('denies %s', (_why, url) => {
    expect(isSameOriginNavigation(url, SERVER)).toBe(false);
  });

  it('denies everything while no server is trusted', () => {
    expect(isSameOriginNavigation('http://127.0.0.1:5175/', null)).toBe(false);
  });

  it('reads only http(s) origins', () => {
    expect(httpOriginOf('http://192.168.1.10:5175/lab')).toBe('http://192.168.1.10:5175');
    expect(httpOriginOf('blob:http://127.0.0.1:5175/abc')).toBeNull();
    expect(httpOriginOf('file:///etc/passwd')).toBeNull();
  });
});

describe('links opened outside the app', () => {
  it.each([
    ['https://moet.gov.vn/van-ban', 'https://moet.gov.vn/van-ban'],
    ['https://csdl.moet.gov.vn/', 'https://csdl.moet.gov.vn/'],
    ['https://hanoi.edu.vn/tin-tuc', 'https://hanoi.edu.vn/tin-tuc'],
    ['https://vanban.chinhphu.vn/?docid=1', 'https://vanban.chinhphu.vn/?docid=1'],
    [
      'mailto:hieutruong@truong.edu.vn?subject=B%C3%A1o%20c%C3%A1o',
      'mailto:hieutruong@truong.edu.vn?subject=B%C3%A1o%20c%C3%A1o',
    ],
    ['HTTPS://MOET.GOV.VN/a b', 'https://moet.gov.vn/a%20b'],
  ])('opens %s as %s', (raw, normalized) => {
    expect(externalUrlToOpen(raw)).toBe(normalized);
  });

  it.each([
    ['plain http', 'http://moet.gov.vn/'],
    ['a look-alike domain', 'https://moet.gov.vn.evil.example/'],
    ['a suffix without a dot', 'https://evilmoet.gov.vn/'],
    ['credentials', 'https://user:pass@moet.gov.vn/'],
    ['an unusual port', 'https://moet.gov.vn:8443/'],
    ['a site not on the list', 'https://example.com/'],
    ['a file', 'file:///C:/Windows/System32/calc.exe'],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['script', 'javascript:alert(1)'],
    ['a UNC path', '\\\\attacker\\share\\x.exe'],
    ['mailto with an attachment', 'mailto:a@b.vn?attach=/etc/passwd'],
    ['mailto without an address', 'mailto:?subject=x'],
    ['the school server itself', 'http://127.0.0.1:5175/'],
  ])('drops %s', (_why, raw) => {
    expect(externalUrlToOpen(raw)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { itemPlainText, mediaIdsIn, sanitizeItemHtml } from '../../../src-main/core/lab/richText';

describe('item HTML', () => {
  it('keeps the formatting of a test question', () => {
    const html =
      '<p style="text-align: center">Câu 1. <b>Tính</b> <i>nhẩm</i>: 3<sup>2</sup> + H<sub>2</sub>O</p>' +
      '<ol type="a"><li><u>Đúng</u></li></ol><table><tbody><tr><td colspan="2">5</td></tr></tbody></table>';
    expect(sanitizeItemHtml(html)).toBe(html);
  });

  it.each([
    ['<script>alert(1)</script><p>Hỏi</p>', '<p>Hỏi</p>'],
    ['<p onclick="steal()" onmouseover="x">Hỏi</p>', '<p>Hỏi</p>'],
    ['<a href="javascript:alert(1)">bấm</a>', 'bấm'],
    ['<a href="https://example.com">xem</a> đây', 'xem đây'],
    ['<img src="https://tracker.example/x.png">', ''],
    ['<img src="javascript:alert(1)">', ''],
    [
      '<img src="media:12" onerror="alert(1)" alt="Con mèo" width="200">',
      '<img src="media:12" alt="Con mèo" width="200">',
    ],
    ['<audio src="media:4" autoplay></audio>', '<audio src="media:4" controls></audio>'],
    ['<iframe src="https://example.com"></iframe><p>a</p>', '<p>a</p>'],
    ['<style>body{display:none}</style>x', 'x'],
    ['<svg><script>alert(1)</script></svg>y', 'y'],
    ['<p style="color: red; background: url(javascript:x); position: fixed">đỏ</p>', '<p style="color: red">đỏ</p>'],
    ['<span style="color: expression(alert(1))">a</span>', '<span>a</span>'],
    ['<font color="red">đáp án</font>', 'đáp án'],
    ['<!-- ghi chú --><p>x</p>', '<p>x</p>'],
    ['<p>1 &lt; 2 &amp; 3 &gt; 2</p>', '<p>1 &lt; 2 &amp; 3 &gt; 2</p>'],
    ['<p title="&quot;><script>">x</p>', '<p>x</p>'],
    ['<td colspan="2 onclick=x">a</td>', '<td>a</td>'],
    ['<form action="/api/x"><input name="a">Hỏi</form>', ''],
  ])('cleans %s', (dirty, clean) => {
    expect(sanitizeItemHtml(dirty)).toBe(clean);
  });

  it('stores Vietnamese in NFC whatever the source wrote', () => {
    const nfd = '<p>Tiếng Việt</p>'.normalize('NFD');
    expect(sanitizeItemHtml(nfd)).toBe('<p>Tiếng Việt</p>'.normalize('NFC'));
  });

  it('a cleaned text stays the same when cleaned again', () => {
    const once = sanitizeItemHtml('<div><p style="color:#f00;font-weight:bold">a<br>b</p><img src="media:1"></div>');
    expect(sanitizeItemHtml(once)).toBe(once);
  });

  it('lists the media a text uses and its plain text', () => {
    const html = sanitizeItemHtml(
      '<p>Nghe <audio src="media:7"></audio> rồi xem <img src="media:3"><img src="media:7"></p>',
    );
    expect(mediaIdsIn(html)).toEqual([7, 3]);
    expect(itemPlainText('<p>Tính:&nbsp; <b>2 + 3</b></p><p>= ?</p>')).toBe('Tính: 2 + 3= ?');
  });
});

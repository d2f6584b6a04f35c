/**
 * Moodle XML as Moodle's question bank exports it (qformat_xml: CDATA texts, fractions, base64 files,
 * categories and tags), written here for the kinds a primary test uses and for ones the bank does not have.
 */
import { describe, expect, it } from 'vitest';
import { readMoodleXml } from '../../../src-main/core/lab/formats/moodleXml';
import { XmlFormatError } from '../../../src-main/core/lab/formats/xmlTree';
import { scoreResponse } from '../../../src-shared/domain/lab/scoring';

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const text = (t: string) => `<text><![CDATA[${t}]]></text>`;
const answer = (fraction: number, t: string, extra = '') =>
  `<answer fraction="${fraction}" format="html">${text(t)}<feedback format="html"><text></text></feedback>${extra}</answer>`;
const question = (type: string, name: string, body: string, qtext = `<p>${name}?</p>`, tags = '') => `
  <question type="${type}">
    <name><text>${name}</text></name>
    <questiontext format="html">${text(qtext)}</questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    ${body}
    ${tags}
  </question>`;

const QUIZ = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Tin học 3/Máy tính và em</text></category>
    <info format="html"><text></text></info>
    <idnumber></idnumber>
  </question>
${question(
  'multichoice',
  'Thiết bị vào',
  `<single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>ABCD</answernumbering>
   ${answer(0, '<p>Màn hình</p>')}${answer(100, '<p>Bàn phím</p>')}${answer(0, '<p>Loa</p>')}`,
  `<p>Thiết bị nào để <strong>nhập</strong> chữ? <img src="@@PLUGINFILE@@/ban%20phim.png" alt="bàn phím"></p>`,
  '<tags><tag><text>Mức 2</text></tag></tags>',
).replace(
  '</text></questiontext>',
  `</text><file name="ban phim.png" path="/" encoding="base64">${PIXEL}</file></questiontext>`,
)}
${question(
  'multichoice',
  'Nhiều đáp án',
  `<single>false</single><shuffleanswers>0</shuffleanswers>
   ${answer(50, 'Chuột')}${answer(50, 'Bàn phím')}${answer(-50, 'Loa')}`,
)}
${question('truefalse', 'Đúng sai', `${answer(0, 'true')}${answer(100, 'false')}`)}
${question('shortanswer', 'Thủ đô', `<usecase>0</usecase>${answer(100, 'Hà Nội')}${answer(50, 'Ha Noi')}`)}
${question('numerical', 'Số', `${answer(100, '3.5', '<tolerance>0.1</tolerance>')}<units></units>`)}
${question(
  'matching',
  'Nối',
  `<shuffleanswers>true</shuffleanswers>
   <subquestion format="html">${text('<p>Con mèo</p>')}<answer><text>kêu meo meo</text></answer></subquestion>
   <subquestion format="html">${text('<p>Con chó</p>')}<answer><text>sủa gâu gâu</text></answer></subquestion>
   <subquestion format="html"><text></text><answer><text>gáy ò ó o</text></answer></subquestion>`,
)}
${question(
  'gapselect',
  'Chọn từ',
  `<shuffleanswers>1</shuffleanswers>
   <selectoption><text>đông</text><group>1</group></selectoption>
   <selectoption><text>tây</text><group>1</group></selectoption>`,
  '<p>Mặt Trời mọc ở hướng [[1]], lặn ở hướng [[2]].</p>',
)}
${question('multianswer', 'Điền', '', '<p>Thủ đô là {1:SHORTANSWER:=Hà Nội} và 2 + 2 = {1:MULTICHOICE:3~=4~5}.</p>')}
${question('calculated', 'Tính', '<synchronize>0</synchronize>')}
${question('description', 'Giới thiệu', '')}
</quiz>`;

describe('Moodle XML', () => {
  const reading = readMoodleXml(QUIZ);
  const byName = (name: string) => reading.items.find((i) => i.name === name)!;

  it('reads every question, and keeps the ones it cannot take as problems, not silence', () => {
    expect(reading.items.map((i) => [i.name, i.draft?.body.kind ?? null, i.problems.map((p) => p.code)])).toEqual([
      ['Thiết bị vào', 'single', []],
      ['Nhiều đáp án', 'multiple', []],
      ['Đúng sai', 'trueFalse', []],
      ['Thủ đô', 'shortText', []],
      ['Số', 'numeric', []],
      ['Nối', 'matching', []],
      ['Chọn từ', 'cloze', []],
      ['Điền', 'cloze', []],
      ['Tính', null, ['unsupported_kind']],
      ['Giới thiệu', null, ['unsupported_kind']],
    ]);
    expect(byName('Tính').problems).toEqual([{ code: 'unsupported_kind', kind: 'calculated' }]);
  });

  it('takes the topic from the category, the level from a tag, and the pictures from the file', () => {
    const first = byName('Thiết bị vào');
    expect([first.topic, first.level, first.draft!.points]).toEqual(['Máy tính và em', 2, 1]);
    expect(first.media).toEqual(['/ban phim.png']);
    expect(first.draft!.stem).toContain('<img src="import:/ban phim.png" alt="bàn phím">');
    expect(reading.files.get('/ban phim.png')).toEqual(Buffer.from(PIXEL, 'base64'));
  });

  it('scores what it read as Moodle would', () => {
    const score = (name: string, response: Parameters<typeof scoreResponse>[1]) =>
      scoreResponse(byName(name).draft!, response).points;
    expect(score('Thiết bị vào', { kind: 'single', choice: 'b' })).toBe(1);
    expect(score('Nhiều đáp án', { kind: 'multiple', choices: ['a'] })).toBe(0.5);
    expect(score('Nhiều đáp án', { kind: 'multiple', choices: ['a', 'b', 'c'] })).toBe(0.5);
    expect(score('Đúng sai', { kind: 'trueFalse', value: false })).toBe(1);
    expect(score('Thủ đô', { kind: 'shortText', text: 'hà nội' })).toBe(1);
    expect(score('Thủ đô', { kind: 'shortText', text: 'Ha Noi' })).toBe(0);
    expect(score('Số', { kind: 'numeric', text: '3,45' })).toBe(1);
    expect(score('Nối', { kind: 'matching', pairs: { p1: 'p1', p2: 'd1' } })).toBe(0.5);
    const gap = byName('Chọn từ').draft!.body;
    expect(gap.kind === 'cloze' && gap.passage).toBe('<p>Mặt Trời mọc ở hướng {{b1}}, lặn ở hướng {{b2}}.</p>');
    expect(score('Chọn từ', { kind: 'cloze', blanks: { b1: 'o1', b2: 'o2' } })).toBe(1);
    expect(score('Điền', { kind: 'cloze', blanks: { b1: 'Hà Nội', b2: 'o2' } })).toBe(1);
    expect(score('Điền', { kind: 'cloze', blanks: { b1: 'Hà Nội', b2: 'o1' } })).toBe(0.5);
  });

  it('refuses a file that is not well-formed, defines entities, or is not Moodle’s', () => {
    expect(() => readMoodleXml('<quiz><question type="truefalse"></quiz>')).toThrow(XmlFormatError);
    const laughs = `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>
      <quiz><question type="shortanswer"><name><text>&b;</text></name></question></quiz>`;
    expect(() => readMoodleXml(laughs)).toThrow(XmlFormatError);
    const xxe = `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <quiz><question type="shortanswer"><name><text>&x;</text></name></question></quiz>`;
    expect(() => readMoodleXml(xxe)).toThrow(XmlFormatError);
    expect(() => readMoodleXml('<assessmentItem identifier="x"/>')).toThrow(/not a Moodle XML file/);
  });
});

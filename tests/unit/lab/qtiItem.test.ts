import { describe, expect, it } from 'vitest';
import { readQtiItem, writeQtiItem } from '../../../src-main/core/lab/formats/qtiItem';
import { parseXmlTree } from '../../../src-main/core/lab/formats/xmlTree';
import { ITEM_KINDS } from '../../../src-shared/domain/lab/items';
import { SAMPLE_ITEMS } from './sampleItems';

const mediaPath = (id: number) => `media/m${id}.png`;
const mediaKey = (src: string) => (/^media\/m\d+\.png$/.test(src) ? src : null);
const read = (xml: string) => readQtiItem(xml, { label: 'Câu 1', number: 1, media: mediaKey });

describe('QTI items', () => {
  it('writes every kind as QTI 3.0 and reads it back the same', () => {
    expect(Object.keys(SAMPLE_ITEMS).sort()).toEqual([...ITEM_KINDS].sort());
    for (const [kind, draft] of Object.entries(SAMPLE_ITEMS)) {
      const xml = writeQtiItem({ identifier: `item-${kind}`, title: kind, draft, mediaPath });
      // Well-formed, and a QTI 3.0 item.
      const root = parseXmlTree(xml);
      expect(root.name, kind).toBe('qti-assessment-item');
      expect(root.attributes['xmlns']).toBe('http://www.imsglobal.org/xsd/imsqtiasi_v3p0');
      const back = read(xml);
      expect(back.problems, kind).toEqual([]);
      expect(back.warnings, kind).toEqual([]);
      expect([back.identifier, back.title]).toEqual([`item-${kind}`, kind]);
      // Media come back as the package paths they were written to, for the importer to store.
      const restored = JSON.parse(JSON.stringify(back.draft).replace(/import:media\/m(\d+)\.png/g, 'media:$1'));
      expect(restored, kind).toEqual(draft);
    }
  });

  it('reads QTI 2.1 as its own samples write it', () => {
    // After the QTI 2.1 specification's choice.xml and text_entry.xml examples.
    const choice = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choice" title="Unattended Luggage" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>ChoiceA</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
    <defaultValue><value>0</value></defaultValue>
  </outcomeDeclaration>
  <itemBody>
    <p>Look at the text in the picture.</p>
    <p><img src="images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/></p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>What does it say?</prompt>
      <simpleChoice identifier="ChoiceA">You must stay with your luggage at all times.</simpleChoice>
      <simpleChoice identifier="ChoiceB">Do not let someone else look after your luggage.</simpleChoice>
      <simpleChoice identifier="ChoiceC" fixed="true">Remember your luggage when you leave.</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>`;
    const item = readQtiItem(choice, {
      label: 'Câu 1',
      number: 1,
      media: (src) => (src.startsWith('images/') ? src : null),
    });
    expect(item.problems).toEqual([]);
    expect(item.media).toEqual(['images/sign.png']);
    expect(item.draft!.stem).toBe(
      '<p>Look at the text in the picture.</p> <p><img src="import:images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"></p> <p>What does it say?</p>',
    );
    expect(item.draft!.body).toEqual({
      kind: 'single',
      shuffle: false,
      choices: [
        { id: 'ChoiceA', text: 'You must stay with your luggage at all times.', correct: true },
        { id: 'ChoiceB', text: 'Do not let someone else look after your luggage.', correct: false },
        { id: 'ChoiceC', text: 'Remember your luggage when you leave.', correct: false, fixed: true },
      ],
    });

    const textEntry = `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="textEntry" title="Richard III">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>York</value></correctResponse>
    <mapping defaultValue="0"><mapEntry mapKey="York" mappedValue="1"/><mapEntry mapKey="york" mappedValue="0.5"/></mapping>
  </responseDeclaration>
  <itemBody><blockquote><p>Now is the winter of our discontent<br/>
    Made glorious summer by this sun of <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="15"/>.</p></blockquote></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
</assessmentItem>`;
    const typed = read(textEntry);
    expect(typed.problems).toEqual([]);
    expect(typed.draft!.body).toEqual({
      kind: 'shortText',
      accepted: ['York', 'york'],
      rules: { caseSensitive: false, ignoreDiacritics: false },
    });
  });

  it('reports what it cannot take, per item, instead of dropping it', () => {
    const hotspot = `<assessmentItem identifier="h"><responseDeclaration identifier="R" cardinality="single" baseType="identifier"/>
      <itemBody><hotspotInteraction responseIdentifier="R" maxChoices="1"><object data="map.png"/></hotspotInteraction></itemBody></assessmentItem>`;
    expect(read(hotspot).problems).toEqual([{ code: 'unsupported_kind', kind: 'hotspotInteraction' }]);
    const two = `<qti-assessment-item identifier="t"><qti-item-body><p>a</p>
      <qti-choice-interaction response-identifier="A" max-choices="1"><qti-simple-choice identifier="x">x</qti-simple-choice></qti-choice-interaction>
      <qti-order-interaction response-identifier="B"><qti-simple-choice identifier="y">y</qti-simple-choice></qti-order-interaction>
      </qti-item-body></qti-assessment-item>`;
    expect(read(two).problems).toEqual([{ code: 'unsupported_kind', kind: '2 interactions in one item' }]);
    const template = writeQtiItem({ identifier: 'x', title: 'x', draft: SAMPLE_ITEMS['single']!, mediaPath }).replace(
      /<qti-response-processing template="[^"]+"\/>/,
      '<qti-response-processing template="https://example.org/my_template.xml"/>',
    );
    expect(read(template).problems).toContainEqual({
      code: 'unsupported_kind',
      kind: 'response processing https://example.org/my_template.xml',
    });
    const custom = writeQtiItem({ identifier: 'x', title: 'x', draft: SAMPLE_ITEMS['single']!, mediaPath }).replace(
      /<qti-response-processing template="[^"]+"\/>/,
      '<qti-response-processing><qti-set-outcome-value identifier="SCORE"><qti-random-integer min="0" max="1"/></qti-set-outcome-value></qti-response-processing>',
    );
    expect(read(custom).warnings).toEqual([{ code: 'custom_scoring' }]);
    expect(read('<quiz/>').problems).toEqual([{ code: 'unreadable', reason: '<quiz> is not a QTI item' }]);
  });

  it('keeps no picture the package does not hold', () => {
    const xml = writeQtiItem({ identifier: 'x', title: 'x', draft: SAMPLE_ITEMS['single']!, mediaPath }).replace(
      'src="media/m3.png"',
      'src="https://tracker.example/p.png"',
    );
    const item = read(xml);
    expect(item.media).toEqual([]);
    expect(item.draft!.stem).not.toContain('tracker');
  });
});

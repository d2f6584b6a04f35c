import { describe, expect, it } from 'vitest';
import { readMoodleXml } from '../../../src-main/core/lab/formats/moodleXml';
import { writeMoodleXml, type MoodleExportItem } from '../../../src-main/core/lab/formats/moodleXmlWriter';
import { parseXmlTree } from '../../../src-main/core/lab/formats/xmlTree';
import type { ItemDraft } from '../../../src-shared/domain/lab/items';
import { SAMPLE_ITEMS } from './sampleItems';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const media = (id: number) => (id === 3 ? { name: 'hình 3.png', data: PIXEL } : null);

/** What Moodle has no field for, taken out so the rest can be compared whole. */
function withoutWhatMoodleLacks(draft: ItemDraft): ItemDraft {
  const body = draft.body;
  if (body.kind === 'single' || body.kind === 'multiple') {
    return { ...draft, body: { ...body, choices: body.choices.map(({ fixed: _fixed, ...c }) => c) } };
  }
  if (body.kind === 'shortText' || body.kind === 'cloze') {
    return { ...draft, body: { ...body, rules: { ...body.rules, ignoreDiacritics: false } } } as ItemDraft;
  }
  return draft;
}

describe('Moodle XML export', () => {
  const entries = Object.entries(SAMPLE_ITEMS);
  const items: MoodleExportItem[] = entries.map(([kind, draft], i) => ({
    name: `Câu ${kind}`,
    topic: i < 4 ? 'Máy tính/Thiết bị' : 'Soạn thảo',
    level: ((i % 3) + 1) as 1 | 2 | 3,
    draft: withoutWhatMoodleLacks(draft),
  }));
  const { xml, warnings } = writeMoodleXml(items, media);

  it('is well-formed Moodle XML with a category before each topic', () => {
    const root = parseXmlTree(xml);
    expect(root.name).toBe('quiz');
    const categories = root.children.filter((c) => typeof c !== 'string' && c.attributes['type'] === 'category');
    expect(categories).toHaveLength(2);
  });

  it('says which items Moodle cannot hold, and what it loses', () => {
    expect(warnings).toEqual([
      { item: entries.findIndex(([k]) => k === 'trueFalseGrid'), code: 'kind_not_in_moodle', kind: 'trueFalseGrid' },
      { item: entries.findIndex(([k]) => k === 'categorize'), code: 'kind_not_in_moodle', kind: 'categorize' },
    ]);
    const lossy = writeMoodleXml(
      [
        { name: 'x', topic: null, level: null, draft: SAMPLE_ITEMS['single']! },
        { name: 'y', topic: null, level: null, draft: SAMPLE_ITEMS['shortText']! },
      ],
      media,
    ).warnings;
    expect(lossy).toEqual([
      { item: 0, code: 'fixed_options_lost' },
      { item: 1, code: 'diacritics_rule_lost' },
    ]);
  });

  it('reads back every item Moodle can hold exactly as it was, with its topic, level and pictures', () => {
    const back = readMoodleXml(xml);
    const exported = items.filter((i) => i.draft.body.kind !== 'trueFalseGrid' && i.draft.body.kind !== 'categorize');
    expect(back.items).toHaveLength(exported.length);
    back.items.forEach((item, i) => {
      const original = exported[i]!;
      expect(item.problems, original.name).toEqual([]);
      expect([item.name, item.topic, item.level]).toEqual([original.name, original.topic, original.level]);
      const restored = JSON.parse(JSON.stringify(item.draft).replace(/import:\/hình 3\.png/g, 'media:3'));
      expect(restored, original.name).toEqual(original.draft);
    });
    expect(back.files.get('/hình 3.png')).toEqual(PIXEL);
  });
});

/**
 * Lab test forms: 40 forms of 30 items, each chosen from a 5,000-item bank by a blueprint and shuffled
 * (items and options) for its pupil, as for a class of 40 (target: under 100 ms in all).
 */
import { buildForm, indexBank, presentForm, seedFrom, type BankEntry } from '../../src-shared/domain/lab/forms';
import type { ItemBody, ItemLevel } from '../../src-shared/domain/lab/items';
import { emit } from './report';

export function benchLabForms(): void {
  const topics = ['Máy tính và em', 'Mạng Internet', 'Soạn thảo văn bản', 'Trình chiếu', 'Lập trình Scratch'];
  const bank: BankEntry[] = [];
  const bodies = new Map<number, ItemBody>();
  for (let id = 1; id <= 5000; id++) {
    bank.push({
      id,
      topic: topics[id % topics.length]!,
      level: ((id % 3) + 1) as ItemLevel,
      points: 1,
      timesUsed: id % 7,
    });
    bodies.set(id, {
      kind: 'single',
      shuffle: true,
      choices: ['a', 'b', 'c', 'd'].map((c, i) => ({
        id: c,
        text: c,
        correct: i === 0,
        fixed: i === 3 && id % 5 === 0,
      })),
    });
  }
  const blueprint = {
    timeLimitMinutes: 35,
    rows: topics.flatMap((topic) =>
      [1, 2].map((level) => ({ topic, level: level as ItemLevel, count: 3, points: 1 / 3 })),
    ),
  };
  const samples: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    const index = indexBank(bank);
    // Forty forms, each chosen from the bank by the blueprint and shuffled for its pupil.
    for (let pupil = 0; pupil < 40; pupil++) {
      const built = buildForm(blueprint, index, seedFrom(`form-${run}-${pupil}`));
      if (!built.ok) throw new Error('bank too small');
      presentForm(built.slots, bodies, { shuffleItems: true, seed: seedFrom(`attempt-${run}-${pupil}`) });
    }
    samples.push(performance.now() - started);
  }
  emit('lab.forms.build_and_present_40x30', samples, { bank: bank.length, items: 30, pupils: 40, target_ms: 100 });
}

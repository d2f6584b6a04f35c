/**
 * One item of every kind, as the bank stores them: block stems, sanitised HTML, media by id, and parts
 * numbered as the bank numbers them (choices a, b, c…; pairs p1…, distractors d1…, steps s1…, blanks b1…
 * with options o1…, categories k1… and elements e1…, rubric r1…), which formats without ids come back with.
 */
import type { ItemDraft } from '../../../src-shared/domain/lab/items';

const rules = { caseSensitive: false, ignoreDiacritics: false };

export const SAMPLE_ITEMS: Record<string, ItemDraft> = {
  single: {
    stem: '<p>Thiết bị nào dùng để <strong>gõ chữ</strong>? <img src="media:3" alt="hình"></p>',
    points: 0.5,
    body: {
      kind: 'single',
      shuffle: true,
      choices: [
        { id: 'a', text: 'Chuột', correct: false },
        { id: 'b', text: 'Bàn phím', correct: true },
        { id: 'c', text: 'Loa', correct: false },
        { id: 'd', text: 'Cả A và B', correct: false, fixed: true },
      ],
    },
  },
  multiple: {
    stem: '<p>Những con vật nào biết bay?</p>',
    points: 1,
    body: {
      kind: 'multiple',
      shuffle: false,
      scoring: 'perChoice',
      choices: [
        { id: 'a', text: 'Chim sẻ', correct: true },
        { id: 'b', text: 'Con chó', correct: false },
        { id: 'c', text: 'Con bướm', correct: true },
      ],
    },
  },
  trueFalse: { stem: '<p>Mặt Trời quay quanh Trái Đất.</p>', points: 1, body: { kind: 'trueFalse', correct: false } },
  trueFalseGrid: {
    stem: '<p>Đúng ghi Đ, sai ghi S:</p>',
    points: 1,
    body: {
      kind: 'trueFalseGrid',
      statements: [
        { id: 'a', text: 'Máy tính cần điện.', correct: true },
        { id: 'b', text: 'Chuột để nghe nhạc.', correct: false },
        { id: 'c', text: 'Bàn phím có phím Enter.', correct: true },
        { id: 'd', text: 'Loa để gõ chữ.', correct: false },
      ],
    },
  },
  shortText: {
    stem: '<p>Thủ đô của nước ta là thành phố nào?</p>',
    points: 1,
    body: {
      kind: 'shortText',
      accepted: ['Hà Nội', 'Thủ đô Hà Nội'],
      rules: { caseSensitive: false, ignoreDiacritics: true },
    },
  },
  numeric: {
    stem: '<p>Một nửa của 7 là bao nhiêu?</p>',
    points: 1,
    body: {
      kind: 'numeric',
      answers: [
        { value: 3.5, tolerance: 0 },
        { value: 3.49, tolerance: 0.02 },
      ],
    },
  },
  matching: {
    stem: '<p>Nối con vật với tiếng kêu:</p>',
    points: 2,
    body: {
      kind: 'matching',
      pairs: [
        { id: 'p1', left: 'Con mèo', right: 'kêu meo meo' },
        { id: 'p2', left: 'Con chó', right: 'sủa gâu gâu' },
      ],
      distractors: [{ id: 'd1', text: 'gáy ò ó o' }],
    },
  },
  ordering: {
    stem: '<p>Sắp xếp các bước tắt máy tính:</p>',
    points: 1,
    body: {
      kind: 'ordering',
      steps: [
        { id: 's1', text: 'Lưu bài' },
        { id: 's2', text: 'Đóng chương trình' },
        { id: 's3', text: 'Chọn Shut down' },
      ],
    },
  },
  cloze: {
    stem: '',
    points: 2,
    body: {
      kind: 'cloze',
      passage: '<p>Thủ đô của Việt Nam là {{b1}}. Mặt Trời mọc ở hướng {{b2}}.</p>',
      blanks: [
        { id: 'b1', accepted: ['Hà Nội'] },
        {
          id: 'b2',
          options: [
            { id: 'o1', text: 'đông', correct: true },
            { id: 'o2', text: 'tây', correct: false },
          ],
        },
      ],
      rules,
    },
  },
  categorize: {
    stem: '<p>Kéo mỗi số vào nhóm đúng:</p>',
    points: 1,
    body: {
      kind: 'categorize',
      categories: [
        { id: 'k1', name: 'Số chẵn' },
        { id: 'k2', name: 'Số lẻ' },
      ],
      elements: [
        { id: 'e1', text: '2', categoryId: 'k1' },
        { id: 'e2', text: '3', categoryId: 'k2' },
        { id: 'e3', text: '8', categoryId: 'k1' },
      ],
    },
  },
  fileTask: {
    stem: '<p>Dùng Scratch làm con mèo đi 10 bước rồi nói “Xin chào”.</p>',
    points: 3,
    body: {
      kind: 'fileTask',
      extensions: ['sb3'],
      rubric: [
        { id: 'r1', text: 'Con mèo đi 10 bước', points: 1 },
        { id: 'r2', text: 'Con mèo nói “Xin chào”', points: 1.5 },
      ],
    },
  },
};

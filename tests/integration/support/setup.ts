/** Checks every integration test file makes: what a file's servers logged as a broken rule. */
import { afterAll, expect } from 'vitest';
import { auditNoteProblems } from './server';

afterAll(() => {
  expect(auditNoteProblems, 'procedures that set their audit note after their change committed').toEqual([]);
});

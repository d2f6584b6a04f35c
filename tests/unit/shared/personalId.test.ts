import { describe, expect, it } from 'vitest';
import { personalIdProblem } from '../../../src-shared/domain/personalId';

describe('số định danh cá nhân', () => {
  it('accepts a well-formed ID that agrees with the holder', () => {
    expect(personalIdProblem('001215012345')).toBeNull();
    expect(personalIdProblem('001215012345', { sex: 'male', birthYear: 2015 })).toBeNull();
    expect(personalIdProblem('079318001234', { sex: 'female', birthYear: 2018 })).toBeNull();
    expect(personalIdProblem('038085001234', { sex: 'male', birthYear: 1985 })).toBeNull();
    expect(personalIdProblem('038185001234', { sex: 'female', birthYear: 1985 })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(personalIdProblem('00121501234')).toBe('format');
    expect(personalIdProblem('00121501234a')).toBe('format');
    expect(personalIdProblem('003215012345')).toBe('province');
    expect(personalIdProblem('001215012345', { sex: 'female', birthYear: 2015 })).toBe('sex');
    expect(personalIdProblem('001216012345', { sex: 'male', birthYear: 2015 })).toBe('year');
    expect(personalIdProblem('001015012345', { sex: 'male', birthYear: 2015 })).toBe('year');
  });
});

import { describe, expect, it } from 'vitest';
import { termErrors } from '../../src/features/reports/TermsSettings';

const odd = { academicYear: '2026/2027', semester: '1' as const, start: '2026-07-13', end: '2026-12-18' };
const even = { academicYear: '2026/2027', semester: '2' as const, start: '2027-01-04', end: '2027-06-19' };

describe('the school terms editor', () => {
  it('accepts a school year of two semesters that follow each other', () => {
    expect(termErrors([odd, even])).toEqual({});
  });

  it('names the last day when a term ends before it starts', () => {
    expect(termErrors([{ ...odd, end: '2026-07-01' }])).toEqual({ 'terms.0.end': 'endBeforeStart' });
  });

  it('names both terms when they overlap, whatever their order in the list', () => {
    expect(termErrors([{ ...even, start: '2026-12-01' }, odd])).toEqual({ 'terms.0.start': 'overlaps', 'terms.1.end': 'overlaps' });
  });

  it('names an academic year that is not two years in a row, a missing day, and the same semester twice', () => {
    expect(termErrors([{ ...odd, academicYear: '2026/2028' }])).toEqual({ 'terms.0.academicYear': 'academicYear' });
    expect(termErrors([{ ...odd, start: '' }])).toEqual({ 'terms.0.start': 'required' });
    expect(termErrors([odd, { ...odd, start: '2027-01-04', end: '2027-06-19' }])).toEqual({ 'terms.1.semester': 'duplicate' });
  });

  it('names a term that lies outside its academic year', () => {
    expect(termErrors([{ ...odd, academicYear: '2027/2028' }])).toEqual({ 'terms.0.start': 'outsideYear' });
  });
});

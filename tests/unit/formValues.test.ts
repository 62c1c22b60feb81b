import { describe, expect, it } from 'vitest';
import { keepEdits } from '../../src/ui/keepEdits';

describe('a form filled from its record', () => {
  const empty = { studentCount: '' as number | string, classNames: [] as string[] };

  it('takes every field of the first answer when nothing was typed', () => {
    expect(keepEdits(empty, { studentCount: 640, classNames: ['7A'] }, empty)).toEqual({ studentCount: 640, classNames: ['7A'] });
  });

  it('keeps a field the person typed (or a draft restored) before the first answer came', () => {
    expect(keepEdits(empty, { studentCount: 600, classNames: ['7A'] }, { studentCount: 640, classNames: [] })).toEqual({
      studentCount: 640,
      classNames: ['7A'],
    });
  });

  it('takes a newer version only in the fields the person has not changed since the last one', () => {
    const saved = { studentCount: 600, classNames: ['7A'] };
    const typed = { studentCount: 600, classNames: ['7A', '7B'] };
    expect(keepEdits(saved, { studentCount: 610, classNames: ['7A', '8A'] }, typed)).toEqual({ studentCount: 610, classNames: ['7A', '7B'] });
  });

  it('compares lists and nested values by content, not by identity', () => {
    const saved = { terms: [{ start: '2026-07-13' }] };
    expect(keepEdits(saved, { terms: [{ start: '2027-01-04' }] }, { terms: [{ start: '2026-07-13' }] })).toEqual({ terms: [{ start: '2027-01-04' }] });
  });
});

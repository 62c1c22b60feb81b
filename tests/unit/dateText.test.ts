import { describe, expect, it } from 'vitest';
import { parseDateText, parseTimeText, showDateText, showTimeText } from '../../src/ui/dateText';

describe('a typed date', () => {
  it.each([
    ['13/07/2026', '2026-07-13'],
    ['3/12/2026', '2026-12-03'],
    ['03-12-26', '2026-12-03'],
    ['3.12.2026', '2026-12-03'],
    ['3 Des 2026', '2026-12-03'],
    ['3 Desember 2026', '2026-12-03'],
    ['3 Dec 2026', '2026-12-03'],
    ['17 Agustus 2026', '2026-08-17'],
    ['2026-12-03', '2026-12-03'],
  ])('reads %s with the day first, as %s', (typed, stored) => {
    expect(parseDateText(typed)).toBe(stored);
  });

  it.each(['31/02/2026', '12/13/2026', '2026/12', 'besok', '3 Foo 2026', ''])('refuses %j, which is no day of the calendar', (typed) => {
    expect(parseDateText(typed)).toBeNull();
  });

  it('is shown day, month, year', () => {
    expect(showDateText('2026-12-03')).toBe('03/12/2026');
  });
});

describe('a typed time', () => {
  it.each([
    ['13.30', '13:30'],
    ['13:30', '13:30'],
    ['1330', '13:30'],
    ['9.05', '09:05'],
    ['9', '09:00'],
  ])('reads %s on a 24-hour clock as %s', (typed, stored) => {
    expect(parseTimeText(typed)).toBe(stored);
  });

  it.each(['24.00', '12.60', '1:3', 'siang', '1.30 PM'])('refuses %j', (typed) => {
    expect(parseTimeText(typed)).toBeNull();
  });

  it('is written with a dot in Indonesian and a colon in English', () => {
    expect(showTimeText('13:30', 'id')).toBe('13.30');
    expect(showTimeText('13:30', 'en')).toBe('13:30');
  });
});

import { describe, expect, it } from 'vitest';
import { withSupervision } from '../../src/features/supervision/DiscussedInSupervision';

const meeting = (heldOn: string, startTime: string | null, meetingId = 1) => ({ meetingId, heldOn, startTime, kind: 'group' as const, supervisorName: 'Dewi Anggraini' });
const at = (local: string) => new Date(local).toISOString();

describe('the case timeline with supervision meetings', () => {
  it('slots each meeting that discussed the case in among the events by its day and time', () => {
    const events = [
      { id: 1, at: at('2026-08-03T09:00') },
      { id: 2, at: at('2026-08-05T10:00') },
      { id: 3, at: at('2026-08-12T08:00') },
    ];
    const merged = withSupervision(events, [meeting('2026-08-05', '13:30', 7), meeting('2026-08-10', null, 8)]);
    expect(merged.map((e) => ('event' in e ? `event ${e.event.id}` : `meeting ${e.meeting.meetingId}`))).toEqual([
      'event 1',
      'event 2',
      'meeting 7',
      'meeting 8',
      'event 3',
    ]);
  });

  it('puts a meeting without a time after the day’s events, and never before the case was opened', () => {
    const events = [{ id: 1, at: at('2026-08-03T14:00') }, { id: 2, at: at('2026-08-03T16:00') }];
    const merged = withSupervision(events, [meeting('2026-08-03', '09:00', 7), meeting('2026-08-03', null, 8)]);
    expect(merged.map((e) => ('event' in e ? `event ${e.event.id}` : `meeting ${e.meeting.meetingId}`))).toEqual([
      'event 1',
      'meeting 7',
      'event 2',
      'meeting 8',
    ]);
  });
});

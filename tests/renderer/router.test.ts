import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectDrafts, hasUnsavedText, placeDraftKey, registerDraftSource } from '../../src/drafts/registry';
import {
  caseIdOf,
  openCasePage,
  openMeeting,
  openSessionLog,
  peerIdOf,
  sessionsScreenOf,
  supervisionScreenOf,
} from '../../src/navigation/places';
import { followHistory, idOf, navigate, normalPath, pathOf, rememberPlaceAcrossLock, routeOf, setLeaveGuard, useRouter } from '../../src/navigation/router';

/** Waits for the history's popstate after back() or forward(), which jsdom delivers later. */
function moved(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('popstate', () => setTimeout(resolve, 0), { once: true }));
}

describe('addresses', () => {
  it('reads an empty hash, a trailing slash and a query as the same clean address', () => {
    expect(normalPath('')).toBe('/');
    expect(normalPath('#')).toBe('/');
    expect(normalPath('#/cases/12/')).toBe('/cases/12');
    expect(normalPath('#/sessions/all?x=1')).toBe('/sessions/all');
    expect(routeOf('#/cases/12').segments).toEqual(['cases', '12']);
  });

  it('takes only whole positive numbers as a record id', () => {
    expect(idOf('12')).toBe(12);
    for (const bad of ['0', '-1', '12abc', '1e3', '', undefined, '01']) expect(idOf(bad)).toBeNull();
  });

  it('encodes each segment, so a value can never add a level to an address', () => {
    expect(pathOf('sessions', 'a/b')).toBe('/sessions/a%2Fb');
    expect(routeOf(pathOf('sessions', 'a/b')).segments).toEqual(['sessions', 'a/b']);
  });
});

describe('moving between pages', () => {
  let stop: () => void;
  beforeEach(() => {
    navigate('/dashboard', { replace: true });
    stop = followHistory();
  });
  afterEach(() => stop());

  it('gives every detail page an address and reads the screen back from it', () => {
    openSessionLog(41);
    expect(window.location.hash).toBe('#/sessions/log/41');
    expect(sessionsScreenOf(useRouter.getState().route)).toEqual({ kind: 'log', id: 41 });
    openCasePage(7);
    expect(window.location.hash).toBe('#/cases/7');
    expect(caseIdOf(useRouter.getState().route)).toBe(7);
    openMeeting(3);
    expect(window.location.hash).toBe('#/supervision/meeting/3');
    expect(supervisionScreenOf(useRouter.getState().route)).toEqual({ kind: 'meeting', id: 3 });
  });

  it('the back button returns to the page before, and forward goes there again', async () => {
    openCasePage(7);
    openSessionLog(41);
    const back = moved();
    window.history.back();
    await back;
    expect(useRouter.getState().route.path).toBe('/cases/7');
    const forward = moved();
    window.history.forward();
    await forward;
    expect(useRouter.getState().route.path).toBe('/sessions/log/41');
  });

  it('the back button asks first when a form holds unsaved text, and a no keeps the page', async () => {
    openSessionLog(41);
    navigate('/sessions/new');
    const release = setLeaveGuard(async () => false);
    const back = moved();
    window.history.back();
    await back;
    await Promise.resolve();
    expect(useRouter.getState().route.path).toBe('/sessions/new');
    expect(window.location.hash).toBe('#/sessions/new');
    release();
  });
});

describe('the place across a lock', () => {
  it('is stored with the drafts at a lock, but is no unsaved text to ask about', () => {
    navigate('/cases/12');
    const release = rememberPlaceAcrossLock();
    const stopForm = registerDraftSource({ formKey: 'note', area: 'cases', read: () => null });
    expect(hasUnsavedText()).toBe(false);
    expect(collectDrafts()).toEqual([{ formKey: placeDraftKey, area: 'cases', payload: JSON.stringify({ path: '/cases/12' }) }]);
    stopForm();
    release();
    expect(collectDrafts()).toEqual([]);
  });
});

describe('the views read from the address', () => {
  it('an unknown or malformed address shows the lists, never a page of record NaN', () => {
    expect(sessionsScreenOf(routeOf('/sessions/log/abc'))).toEqual({ kind: 'list' });
    expect(supervisionScreenOf(routeOf('/supervision/edit/5/nonsense'))).toEqual({ kind: 'list' });
    expect(caseIdOf(routeOf('/cases/-3'))).toBeNull();
    expect(peerIdOf(routeOf('/cases/3'))).toBeNull();
  });

  it('reads the same screen object for the same address, so a page does not render again for nothing', () => {
    expect(sessionsScreenOf(routeOf('/sessions/edit/9'))).toBe(sessionsScreenOf(routeOf('/sessions/edit/9')));
    expect(supervisionScreenOf(routeOf('/supervision/new/held'))).toEqual({ kind: 'form', id: null, status: 'held' });
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { limits, methods, type MethodName } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import {
  addPeerAccount,
  call,
  coordinator,
  createdVault,
  errorOf,
  newBackend,
  newBackendForFile,
  TestClock,
} from './support/backend';
import { fileNames, vaultFingerprint } from './support/files';

const validPeer = { fullName: 'Budi Santoso', className: '8A' };

/** What a refused call must leave as it was: every table, the key slots, the roster and the audit log. */
async function snapshot(backend: Backend) {
  return {
    fingerprint: await vaultFingerprint(backend),
    peers: (await call(backend, 'peers.list', {})).peers,
    auditEntries: (await call(backend, 'audit.list', { limit: 500 })).entries.length,
  };
}

type Case = [description: string, method: MethodName, input: unknown, expected: { field: string; reason: string; params?: object }];

const cases: Case[] = [
  ['a number where text belongs', 'peers.create', { ...validPeer, fullName: 42 }, { field: 'fullName', reason: 'invalid_type' }],
  ['text where a number belongs', 'peers.update', { id: 1, version: '0', ...validPeer }, { field: 'version', reason: 'invalid_type' }],
  ['a fraction where a whole number belongs', 'peers.get', { id: 1.5 }, { field: 'id', reason: 'invalid_type' }],
  ['a missing field', 'peers.create', { fullName: 'Budi Santoso' }, { field: 'className', reason: 'required' }],
  ['a name of only spaces', 'peers.create', { ...validPeer, fullName: '   ' }, { field: 'fullName', reason: 'required' }],
  ['a field the contract does not have', 'peers.create', { ...validPeer, nickname: 'Bud' }, { field: 'nickname', reason: 'unknown_field' }],
  ['a status outside the list', 'peers.transition', { id: 1, version: 0, to: 'expelled' }, { field: 'to', reason: 'invalid_choice' }],
  ['a date that is not in the calendar', 'peers.recordPledge', { id: 1, version: 0, pledgeOn: '2026-02-30' }, { field: 'pledgeOn', reason: 'invalid' }],
  ['a date written the other way round', 'peers.recordPledge', { id: 1, version: 0, pledgeOn: '30/07/2026' }, { field: 'pledgeOn', reason: 'invalid_format' }],
  [
    'a criterion the interview checklist does not have',
    'peers.recordInterview',
    { id: 1, version: 0, interviewedOn: '2026-07-20', interviewer: 'Bu Sari', criteria: { trusted: true, listener: true, confidential: true, steady: true, reliable: true, motivated: true, charming: true }, notes: '', decision: 'selected' },
    { field: 'criteria.charming', reason: 'unknown_field' },
  ],
  [
    'training hours that are not whole quarter hours',
    'training.addRecord',
    { peerId: 1, moduleId: 1, attendedOn: '2026-07-20', hours: 1.1, trainer: 'Bu Sari', completed: true, score: null },
    { field: 'hours', reason: 'invalid' },
  ],
  [
    'an assessment score over 100',
    'training.addRecord',
    { peerId: 1, moduleId: 1, attendedOn: '2026-07-20', hours: 1, trainer: 'Bu Sari', completed: true, score: 101 },
    { field: 'score', reason: 'too_big', params: { maximum: 100 } },
  ],
  [
    'a group session with nobody in it',
    'training.recordGroupSession',
    { moduleId: 1, heldOn: '2026-07-20', hours: 2, trainer: 'Bu Sari', notes: '', attendees: [] },
    { field: 'attendees', reason: 'too_small' },
  ],
  [
    'an outreach event that reached fewer than nobody',
    'outreach.create',
    { heldOn: '2026-08-01', kind: 'assembly', title: 'Upacara', audience: '', reached: -1, notes: '', peerIds: [] },
    { field: 'reached', reason: 'too_small' },
  ],
  ['a school of no students', 'settings.update', { studentCount: 0 }, { field: 'studentCount', reason: 'too_small' }],
  ['an empty class name in the list', 'settings.update', { classNames: ['7A', ' '] }, { field: 'classNames.1', reason: 'required' }],
  [
    'a name one character too long',
    'peers.create',
    { ...validPeer, fullName: 'x'.repeat(limits.name + 1) },
    { field: 'fullName', reason: 'too_long', params: { maximum: limits.name } },
  ],
  [
    'a very long class name',
    'peers.create',
    { ...validPeer, className: 'x'.repeat(100_000) },
    { field: 'className', reason: 'too_long', params: { maximum: 40 } },
  ],
  [
    'an oversized draft, naming the field inside the list',
    'session.handOverToPeer',
    { drafts: [{ formKey: 'peer-form', area: 'peers', payload: 'x'.repeat(64_001) }] },
    { field: 'drafts.0.payload', reason: 'too_long', params: { maximum: 64_000 } },
  ],
  [
    'an unknown field inside a draft',
    'session.handOverToPeer',
    { drafts: [{ formKey: 'peer-form', area: 'peers', payload: '{}', owner: 1 }] },
    { field: 'drafts.0.owner', reason: 'unknown_field' },
  ],
  ['an auto-lock of zero minutes', 'settings.update', { autoLockMinutes: 0 }, { field: 'autoLockMinutes', reason: 'too_small' }],
  ['an auto-lock of two minutes, which warns right after every unlock', 'settings.update', { autoLockMinutes: 2 }, { field: 'autoLockMinutes', reason: 'too_small', params: { minimum: 3 } }],
  ['an auto-lock over an hour', 'settings.update', { autoLockMinutes: 61 }, { field: 'autoLockMinutes', reason: 'too_big', params: { maximum: 60 } }],
  ['a username with a space', 'users.createStaff', { username: 'rina k', fullName: 'Rina', role: 'supervisor' }, { field: 'username', reason: 'invalid_format' }],
  ['a staff account with the peer role', 'users.createStaff', { username: 'rina', fullName: 'Rina', role: 'peer' }, { field: 'role', reason: 'invalid_choice' }],
  ['a PIN with letters', 'users.createPeerAccount', { peerId: 1, username: 'budi2', pin: '12ab' }, { field: 'pin', reason: 'invalid_format' }],
  ['a new password under ten characters', 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'short' }, { field: 'newPassword', reason: 'too_short', params: { minimum: 10 } }],
  ['an input that is not an object', 'peers.create', 'Budi Santoso', { field: 'input', reason: 'invalid_type' }],
  ['an input that is a list', 'peers.create', [validPeer], { field: 'input', reason: 'invalid_type' }],
  ['null as input', 'peers.list', null, { field: 'input', reason: 'invalid_type' }],
  [
    'a risk item the risk screen does not have',
    'sessionLogs.create',
    { peerId: 1, helpSeekerId: null, heldOn: null, startTime: null, durationMinutes: null, mode: null, groupSize: null, topics: [], summary: '', actions: '', followUpOn: null, risks: ['bad_weather'], noRisks: false, concern: null, submit: false },
    { field: 'risks.0', reason: 'invalid_choice' },
  ],
  [
    'a session start time that is not on the clock',
    'sessionLogs.create',
    { peerId: 1, helpSeekerId: null, heldOn: '2026-08-03', startTime: '25:00', durationMinutes: 30, mode: 'chat', groupSize: null, topics: [], summary: '', actions: '', followUpOn: null, risks: [], noRisks: true, concern: 'low', submit: false },
    { field: 'startTime', reason: 'invalid_format' },
  ],
  ['a case status outside its machine', 'cases.transition', { id: 1, version: 0, to: 'solved', note: '' }, { field: 'to', reason: 'invalid_choice' }],
  ['an urgent case given more than a week', 'settings.update', { caseDueDays: { urgent: 8, high: 2, routine: 7 } }, { field: 'caseDueDays.urgent', reason: 'too_big' }],
  ['an empty search', 'search.text', { query: '   ' }, { field: 'query', reason: 'required' }],
];

describe('invalid input', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = newBackendForFile({ clock: new TestClock() });
    await createdVault(backend);
    await addPeerAccount(backend, { fullName: 'Budi Santoso', username: 'budi', pin: '4321' });
  });

  it.each(cases)('refuses %s with VALIDATION naming the field, and changes nothing', async (_what, method, input, expected) => {
    const before = await snapshot(backend);
    const error = errorOf(await backend.call(method, input));
    expect(error).toMatchObject({ code: 'VALIDATION', ...expected });
    expect(error.message).toContain(expected.field);
    expect(await snapshot(backend)).toEqual(before);
    expect((await call(backend, 'app.status', {})).state).toBe('unlocked');
  });

  it('refuses any name longer than the limit, whatever its characters', async () => {
    const before = await snapshot(backend);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: limits.name + 1, maxLength: 400, unit: 'grapheme' }), async (text) => {
        fc.pre(text.trim().length > limits.name);
        const error = errorOf(await backend.call('peers.create', { ...validPeer, fullName: text }));
        expect(error).toMatchObject({ code: 'VALIDATION', field: 'fullName', reason: 'too_long' });
      }),
      { numRuns: 40 },
    );
    expect(await snapshot(backend)).toEqual(before);
  });

  it('keeps the text of a refused value out of the error, so it cannot leak into logs', async () => {
    const error = errorOf(await backend.call('peers.transition', { id: 1, version: 0, to: 'Rahasia Budi' }));
    expect(JSON.stringify(error)).not.toContain('Rahasia Budi');
  });
});

describe('invalid input before there is a vault', () => {
  it('refuses a short first password, naming the field, and writes no file', async () => {
    const backend = newBackend();
    const error = errorOf(await backend.call('vault.create', { ...coordinator, password: 'short' }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'password', reason: 'too_short', params: { minimum: 10 } });
    expect(fileNames(backend.session.config.dataDir)).toEqual([]);
    expect((await call(backend, 'app.status', {})).state).toBe('no-vault');
  });

  it('refuses an oversized password at unlock without counting it as a wrong attempt', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await call(backend, 'session.lock', {});
    const error = errorOf(await backend.call('vault.unlock', { username: 'sari', password: 'x'.repeat(257) }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'password', reason: 'too_long' });
    expect(fileNames(backend.session.config.dataDir)).not.toContain('unlock-attempts.json');
  });
});

/** Walks an input's JSON Schema and calls `visit` on every object and string in it. */
function walkSchema(node: unknown, at: string, visit: (node: Record<string, unknown>, at: string) => void): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  visit(schema, at);
  for (const [key, child] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) walkSchema(child, `${at}.${key}`, visit);
  if (schema.items) walkSchema(schema.items, `${at}[]`, visit);
  for (const list of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const child of (schema[list] as unknown[]) ?? []) walkSchema(child, at, visit);
  }
}

describe('every input in the contract', () => {
  const inputs = (Object.keys(methods) as MethodName[]).map(
    (name) => [name, z.toJSONSchema(methods[name].input, { io: 'input', unrepresentable: 'any' })] as const,
  );

  it.each(inputs)('%s refuses fields it does not know, at every level', (name, schema) => {
    const open: string[] = [];
    walkSchema(schema, name, (node, at) => {
      if (node.type === 'object' && node.additionalProperties !== false) open.push(at);
    });
    expect(open).toEqual([]);
  });

  // A pattern counts as a limit only when it is anchored and has no unbounded repetition.
  const bounded = (pattern: unknown) => typeof pattern === 'string' && /^\^.*\$$/.test(pattern) && !/[*+]|\{\d+,\}/.test(pattern);

  it.each(inputs)('%s limits the length of every string it accepts', (name, schema) => {
    const unbounded: string[] = [];
    walkSchema(schema, name, (node, at) => {
      if (node.type !== 'string') return;
      if (typeof node.maxLength === 'number' || Array.isArray(node.enum) || 'const' in node || bounded(node.pattern)) return;
      unbounded.push(at);
    });
    expect(unbounded).toEqual([]);
  });
});

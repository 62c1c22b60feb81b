import { existsSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { featureCycles, featureGraph, featuresRule, importSpecifiers, pathBetween } from '../../../eslint/features.mjs';
import { areaIds } from '../../../src/stores/navigation';

/**
 * The feature rule (eslint/features.mjs, issue 13): one feature folder uses
 * another only through its index.ts and never in a circle, and the shared
 * renderer folders use no feature. The cycle cases run on a small graph given
 * as the rule's option, so they do not depend on today's tree; the last tests
 * read the real tree, so a circle there fails the suite as well as lint.
 */
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (file: string) => path.join(process.cwd(), file);
// One-way: sessions → cases → supervision, and peers → sessions.
const oneWay = { cases: ['supervision'], sessions: ['cases', 'supervision'], supervision: [], peers: ['sessions'] };
// supervision → sessions would close sessions → cases → supervision → sessions.
const circle = { cases: ['supervision'], sessions: ['cases'], supervision: ['sessions'] };
const valid = (file: string, code: string, graph: Record<string, string[]> = oneWay) => ({ filename: at(file), code, options: [{ graph }] });
const invalid = (file: string, code: string, messages: RegExp[], graph: Record<string, string[]> = oneWay) => ({
  filename: at(file),
  code,
  options: [{ graph }],
  errors: messages.map((message) => ({ message })),
});

tester.run('sebaya/features', featuresRule, {
  valid: [
    valid('src/features/sessions/SessionLogPage.tsx', "import { OpenCaseModal, type Opening } from '../cases';"),
    valid('src/features/sessions/SessionLogPage.tsx', "import type { Opening } from '../cases/index';"),
    valid('src/features/sessions/SessionLogPage.tsx', "const { CasesPage } = await import('../cases');"),
    valid('src/features/cases/CasePage.tsx', "import { CaseTable } from './CaseTable'; import { DiscussedInSupervisionItem } from '../supervision';"),
    valid('src/features/cases/parts/Timeline.tsx', "import { CaseTable } from '../CaseTable';"),
    valid('src/features/cases/index.ts', "export { CasesPage } from './CasesPage'; export * from './badges';"),
    valid('src/features/peers/PeerProfile.tsx', "import { PeerSessionLogs } from '../sessions'; import { openCasePage } from '../../navigation/places'; import { SeverityBadge } from '../../ui/badges';"),
    valid('src/app/App.tsx', "import { AppLayout } from '../features/shell'; import { UnlockScreen } from '../features/auth';"),
    valid('src/ui/CasePicker.tsx', "import { call } from '../api/client'; import type { CaseSummary } from '../contract';"),
    valid('src/navigation/places.ts', "import { areaIds } from '../stores/navigation';"),
    valid('src/features/sessions/LogTable.tsx', "import { Badge } from '@mantine/core'; import { useTranslation } from 'react-i18next';"),
    // Tests may reach into a feature's files.
    valid('tests/renderer/sessionLogForm.test.tsx', "import { SessionLogForm } from '../../src/features/sessions/SessionLogForm';"),
  ],
  invalid: [
    // Another folder's inner file.
    invalid('src/features/sessions/SessionLogPage.tsx', "import { OpenCaseModal } from '../cases/OpenCaseModal';", [/Import from '\.\.\/cases' \(its index\.ts\), not '\.\.\/cases\/OpenCaseModal'/]),
    invalid('src/features/sessions/SessionLogPage.tsx', "import type { Opening } from '../cases/OpenCaseModal';", [/Import from '\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/features/sessions/SessionLogPage.tsx', "let opening: import('../cases/OpenCaseModal').Opening;", [/Import from '\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/features/sessions/SessionLogPage.tsx', "const m = await import('../cases/CasesPage');", [/Import from '\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/features/sessions/index.ts', "export { CaseStatusBadge } from '../cases/badges';", [/Import from '\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/features/sessions/index.ts', "export * from '../cases/badges';", [/Import from '\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/features/sessions/parts/Row.tsx', "import { SeverityBadge } from '../../cases/badges';", [/Import from '\.\.\/\.\.\/cases' \(its index\.ts\)/]),
    invalid('src/app/App.tsx', "import { AppLayout } from '../features/shell/AppLayout';", [/Import from '\.\.\/features\/shell' \(its index\.ts\), not '\.\.\/features\/shell\/AppLayout'/]),
    // A feature's own index from inside.
    invalid('src/features/cases/CasePage.tsx', "import { CasesPage } from '.';", [/Inside src\/features\/cases, import the file itself, not the folder's index\.ts/]),
    invalid('src/features/cases/CasePage.tsx', "import { CasesPage } from '../cases';", [/Inside src\/features\/cases, import the file itself/]),
    // Shared code below the features.
    invalid('src/ui/CasePicker.tsx', "import { CasesPage } from '../features/cases';", [/src\/ui may not import from src\/features\/cases: shared code stands below every feature/]),
    invalid('src/ui/forms/Field.tsx', "import { moduleTitle } from '../../features/training/moduleTitle';", [/src\/ui may not import from src\/features\/training/]),
    invalid('src/api/queries.ts', "import type { Opening } from '../features/cases';", [/src\/api may not import from src\/features\/cases/]),
    invalid('src/stores/navigation.ts', "export { openCasePage } from '../features/cases';", [/src\/stores may not import from src\/features\/cases/]),
    invalid('src/drafts/registry.ts', "const m = await import('../features/sessions');", [/src\/drafts may not import from src\/features\/sessions/]),
    invalid('src/navigation/places.ts', "import { useCaseView } from '../features/cases';", [/src\/navigation may not import from src\/features\/cases/]),
    invalid('src/i18n/index.ts', "import { x } from '../features/peers';", [/src\/i18n may not import from src\/features\/peers/]),
    invalid('src/contract/index.ts', "import type { x } from '../features/peers';", [/src\/contract may not import from src\/features\/peers/]),
    // A circle between feature folders, reported with its path.
    invalid('src/features/supervision/MeetingPage.tsx', "import { openSessionLog } from '../sessions';", [/src\/features\/supervision may not import from src\/features\/sessions: it closes a circle of feature folders \(supervision → sessions → cases → supervision\)/], circle),
    invalid('src/features/cases/CasePage.tsx', "import type { Opening } from '../sessions';", [/closes a circle of feature folders \(cases → sessions → cases\)/]),
    invalid('src/features/cases/CasePage.tsx', "const m = await import('../peers');", [/closes a circle of feature folders \(cases → peers → sessions → cases\)/], { ...oneWay, cases: ['peers'] }),
    invalid('src/features/cases/CasePage.tsx', "import { LogTable } from '../sessions/LogTable';", [/Import from '\.\.\/sessions' \(its index\.ts\)/, /closes a circle of feature folders \(cases → sessions → cases\)/]),
  ],
});

describe('the feature graph', () => {
  it('reads every kind of import from a source text', () => {
    const text = [
      "import { a } from '../a';",
      "import type { B } from '../b/B';",
      "import '../c/side';",
      "export { d } from '../d';",
      "export * from \"../e\";",
      "const f = await import('../f/F');",
      "type G = import('../g').G;",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['../a', '../b/B', '../c/side', '../d', '../e', '../f/F', '../g']);
  });

  it('finds the way through a circle and none through a one-way graph', () => {
    expect(pathBetween(circle, 'sessions', 'supervision')).toEqual(['sessions', 'cases', 'supervision']);
    expect(pathBetween(oneWay, 'supervision', 'sessions')).toBeNull();
    expect(featureCycles(oneWay)).toEqual([]);
    expect(featureCycles(circle)).toHaveLength(3);
  });

  const graph = featureGraph(process.cwd());

  it('of the real tree is read (the shell imports every area; the screens before sign-in are src/app’s, and a section shared by areas, like today, is theirs)', () => {
    const areas = Object.keys(graph).filter((name) => (areaIds as readonly string[]).includes(name));
    expect(Object.keys(graph).filter((name) => !areas.includes(name)).sort()).toEqual(['auth', 'shell', 'today']);
    expect(areas.length).toBeGreaterThan(10);
    expect(graph.shell).toEqual(areas);
  });

  it('of the real tree has no circle between feature folders', () => {
    expect(featureCycles(graph)).toEqual([]);
  });

  it('has an index.ts in every feature folder (its public surface)', () => {
    const missing = Object.keys(graph).filter((name) => !existsSync(path.join(process.cwd(), 'src', 'features', name, 'index.ts')));
    expect(missing).toEqual([]);
  });
});

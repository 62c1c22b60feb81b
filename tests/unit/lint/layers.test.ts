import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { layersRule } from '../../../eslint/layers.mjs';

/**
 * The layer rule (eslint/layers.mjs, issue 11) on small files placed in each
 * layer: every edge the architecture allows passes, every one it forbids is an
 * error, and so is each way around the rule that passed before (a TypeScript
 * `import x = require()`, a template `import()`, a computed name, a Node-only
 * package in the renderer or the contract).
 */
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (file: string) => path.join(process.cwd(), file);
const valid = (file: string, code: string) => ({ filename: at(file), code });
const invalid = (file: string, code: string, message: RegExp) => ({ filename: at(file), code, errors: [{ message }] });

tester.run('sebaya/layers', layersRule, {
  valid: [
    valid('src/features/x/Page.tsx', "import { call } from '../../api/client'; import { z } from 'zod';"),
    valid('src/features/x/Page.tsx', "import { methods } from '../../contract';"),
    valid('src/contract/areas/x.ts', "import { z } from 'zod';"),
    valid('electron/backend/repositories/x.ts', "import { Database } from '../db/database'; import { todayIn } from '../domain/dates';"),
    valid('electron/backend/access/x.ts', "import { peerScope } from '../repositories/peers'; import type { Context } from '../handler';"),
    valid('electron/backend/repositories/x.ts', "import type { Scope } from '../access/scope';"),
    valid('electron/backend/services/x.ts', "import { scopeOf } from '../access/policy'; import type { Context } from '../handler'; import { appendAudit } from '../repositories/audit';"),
    valid('electron/backend/services/x.ts', "import type { Database } from '../db/database'; import { readFile } from 'node:fs/promises';"),
    valid('electron/backend/backend.ts', "import { defaultDriver } from './db/drivers'; import { Dispatcher } from './dispatcher';"),
    valid('electron/backend/cli/main.ts', "import { defaultDriver } from '../db/drivers';"),
    valid('electron/backend/db/drivers.ts', "import Database from 'better-sqlite3-multiple-ciphers';"),
    valid('electron/backend/reports/termPdf.ts', "import pdfmake from 'pdfmake';"),
    valid('electron/main/index.ts', "import { app } from 'electron'; import log from 'electron-log/main'; import { createBackend } from '../backend/backend';"),
    valid('electron/preload/index.ts', "import { contextBridge } from 'electron';"),
    valid('src/app/App.tsx', "import type { IpcRenderer } from 'electron';"),
    valid('tests/unit/x.test.ts', "import { defaultDriver } from '../../electron/backend/db/drivers'; import x = require('anything');"),
    valid('bench/run.ts', 'await import(file);'),
    valid('electron/backend/backup/drives.ts', "const drivelist = await import('drivelist');"),
  ],
  invalid: [
    invalid('src/contract/x.ts', "import { x } from '../features/peers/PeersPage';", /contract layer may not import from the renderer layer/),
    invalid('src/features/x/Page.tsx', "import { Session } from '../../../electron/backend/session';", /renderer layer may not import from the session layer/),
    invalid('src/features/x/Page.tsx', "import { readFile } from 'node:fs';", /renderer layer may not import Node's "node:fs"/),
    invalid('src/features/x/Page.tsx', "import Database from 'better-sqlite3-multiple-ciphers';", /renderer layer may not import the package "better-sqlite3-multiple-ciphers"/),
    invalid('src/contract/x.ts', "import Database from 'better-sqlite3';", /contract layer may not import the package "better-sqlite3"/),
    invalid('src/contract/x.ts', "import { useState } from 'react';", /contract layer may not import the package "react"/),
    invalid('src/features/x/Page.tsx', "import { app } from 'electron';", /renderer layer may not import Electron/),
    // The escapes that passed the old rule.
    invalid('src/features/x/Page.tsx', "import fs = require('fs');", /renderer layer may not import Node's "fs"/),
    invalid('src/features/x/Page.tsx', 'const m = await import(`better-sqlite3`);', /may not import the package "better-sqlite3"/),
    invalid('src/features/x/Page.tsx', 'const m = await import(`../../../electron/backend/${name}`);', /renderer layer may not load a module whose name is computed/),
    invalid('src/features/x/Page.tsx', 'const m = require(name);', /renderer layer may not load a module whose name is computed/),
    invalid('src/features/x/Page.tsx', "export { x } from '../../../electron/backend/errors';", /renderer layer may not import from the base layer/),
    // Inside the backend.
    invalid('electron/backend/services/x.ts', "import { defaultDriver } from '../db/drivers';", /services layer may not import from the drivers layer/),
    invalid('electron/backend/services/x.ts', "import { multipleCiphersDriver } from '../db/multipleCiphersDriver';", /services layer may not import from the drivers layer/),
    invalid('electron/backend/repositories/x.ts', "import { peersHandlers } from '../services/peers';", /repositories layer may not import from the services layer/),
    invalid('electron/backend/repositories/x.ts', "import { casesScope } from '../access/policy';", /repositories layer may not import from the access layer/),
    invalid('electron/backend/session/x.ts', "import { casesScope } from '../access/policy';", /session layer may not import from the access layer/),
    invalid('electron/backend/access/x.ts', "import { casesHandlers } from '../services/cases';", /access layer may not import from the services layer/),
    invalid('electron/backend/domain/dates.ts', "import { Database } from '../db/database';", /domain layer may not import from the db layer/),
    invalid('electron/backend/domain/dates.ts', "import { readFile } from 'node:fs';", /domain layer may not import Node's/),
    invalid('electron/backend/vault/x.ts', "import { loadSettings } from '../services/settings';", /vault layer may not import from the services layer/),
    invalid('electron/backend/dispatcher.ts', "import { listPeers } from './repositories/peers';", /dispatcher layer may not import from the repositories layer/),
    invalid('electron/backend/services/x.ts', "import { app } from 'electron';", /services layer may not import Electron/),
    invalid('electron/backend/services/x.ts', "import { createServer } from 'vite';", /services layer may not import the package "vite"/),
    invalid('electron/backend/services/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';", /services layer may not import the package "better-sqlite3-multiple-ciphers"/),
  ],
});

/**
 * The installers' configuration (issue 7), loaded and validated by
 * electron-builder's own code, then held to what the issue promises: the
 * targets, per-user install that keeps the vault, native modules unpacked,
 * the release fuses, icons for every target, signing hook without a
 * certificate. Electron cannot be downloaded here, so no installer is built in
 * this suite; README.md says what was run where.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

async function load(file: string): Promise<Configuration> {
  const config = await getConfig(root, path.join(root, file), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

type Targets = Array<string | { target: string; arch?: string[] }> | string | undefined | null;

function targetNames(targets: Targets): string[] {
  return (Array.isArray(targets) ? targets : targets ? [targets] : []).map((t) => (typeof t === 'string' ? t : t.target));
}

/** File patterns as written, or as electron-builder normalises them on loading (`{ filter: [...] }`). */
function filePatterns(files: unknown): string[] {
  return (Array.isArray(files) ? files : files == null ? [] : [files]).flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    const { from, to, filter } = entry as { from?: string; to?: string; filter?: string[] };
    expect(from ?? to, 'files taken from elsewhere').toBeUndefined();
    return filter ?? [];
  });
}

/** Whether electron-builder's file patterns (later negations win) keep a path. */
function keeps(patterns: string[], file: string): boolean {
  let kept = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) kept = false;
    } else if (minimatch(file, pattern, { dot: true })) kept = true;
  }
  return kept;
}

const release = load('electron-builder.yml');
const e2e = load('electron-builder.e2e.yml');

const releaseFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

describe('the installer configuration', () => {
  it('passes electron-builder’s own schema and names the app Sebaya', async () => {
    const config = await release;
    expect(config.appId).toBe('org.sebaya.desktop');
    expect(config.productName).toBe('Sebaya');
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('builds an NSIS installer and a portable build for Windows, AppImage and deb for Linux, and a dmg for macOS', async () => {
    const config = await release;
    expect(targetNames(config.win?.target as Targets)).toEqual(['nsis', 'portable']);
    expect(targetNames(config.linux?.target as Targets)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target as Targets)).toEqual(['dmg']);
  });

  it('installs for the current user without admin rights, with a Start-menu entry, and keeps the vault on uninstall', async () => {
    const nsis = (await release).nsis!;
    expect(nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      include: 'resources/installer.nsh',
    });
    expect(nsis.installerLanguages).toEqual(['en_US', 'id_ID']);
  });

  it('deletes the vault on uninstall only after the person uninstalling says yes twice, never on update or silently', () => {
    const script = readFileSync(path.join(root, 'resources/installer.nsh'), 'utf8');
    const init = script.slice(script.indexOf('!macro customUnInit'), script.indexOf('!macroend'));
    expect(init).toContain('${ifNot} ${isUpdated}');
    expect(init).toContain('${GetOptions} $R0 "/S" $R1');
    // Both questions default to No (button 2), and a silent run answers No.
    expect(init.match(/MessageBox MB_YESNO\|MB_ICON\w+\|MB_DEFBUTTON2 "\$R[23]" \/SD IDNO IDNO sebayaKeepVault/g)).toHaveLength(2);
    const uninstall = script.slice(script.indexOf('!macro customUnInstall'));
    expect(uninstall).toMatch(/\$\{if\} \$sebayaDeleteVault == "1"[\s\S]*RMDir \/r "\$APPDATA\\\$\{PRODUCT_FILENAME\}"[\s\S]*\$\{endif\}/);
    expect(script).toContain('Hapus juga brankas Sebaya');
  });

  it('unpacks every native module from the asar archive, and packs the built app with the drivers it needs', async () => {
    const config = await release;
    const unpack = filePatterns(config.asarUnpack);
    for (const file of [
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/@journeyapps/sqlcipher/build/Release/node_sqlite3.node',
      'node_modules/drivelist/build/Release/drivelist.node',
    ]) {
      expect(unpack.some((pattern) => minimatch(file, pattern, { dot: true })), file).toBe(true);
    }
    const files = filePatterns(config.files);
    for (const file of [
      'out/main/index.js',
      'out/main/backendWorker.js',
      'out/main/jobWorker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/database.js',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/@journeyapps/sqlcipher/lib/sqlite3.js',
      'node_modules/electron-log/src/index.js',
    ]) {
      expect(keeps(['**/*', ...files], file), file).toBe(true);
    }
    for (const file of [
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'node_modules/@journeyapps/sqlcipher/deps/sqlcipher/sqlite3.c',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/obj.target/better_sqlite3/src/better_sqlite3.o',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
      'out/main/index.js.map',
    ]) {
      expect(keeps(['**/*', ...files], file), file).toBe(false);
    }
  });

  it('keeps one list of files for every platform (a platform list would be added to it, not replace it)', async () => {
    const config = await release;
    for (const platform of ['win', 'linux', 'mac'] as const) expect(config[platform]?.files, platform).toBeUndefined();
  });

  it('flips the release fuses: no run-as-node, NODE_OPTIONS or inspector, app only from a checked asar, cookies encrypted', async () => {
    expect((await release).electronFuses).toEqual(releaseFuses);
  });

  it('has a separately named end-to-end build that differs only in allowing the inspector, unpacked', async () => {
    const [config, test] = [await release, await e2e];
    expect(test.electronFuses).toEqual({ ...releaseFuses, enableNodeCliInspectArguments: true });
    expect(test.productName).toBe('Sebaya-E2E');
    expect(test.appId).toBe('org.sebaya.desktop.e2e');
    expect(test.directories?.output).toBe('dist-e2e');
    for (const platform of ['win', 'linux', 'mac'] as const) expect(targetNames(test[platform]?.target as Targets)).toEqual(['dir']);
    expect(test.asarUnpack).toEqual(config.asarUnpack);
    expect(test.files).toEqual(config.files);
  });

  it('rebuilds for Electron only the driver that is not N-API, and only for Windows', async () => {
    const config = await release;
    // A beforeBuild hook returning false would also stop node_modules from being packed at all.
    expect(config.npmRebuild).toBe(false);
    expect(config.beforeBuild).toBeUndefined();
    expect(config.beforePack).toBe('scripts/electron-builder/beforePack.cjs');
    const hook = (await import(path.join(root, 'scripts/electron-builder/beforePack.cjs'))) as { modulesToRebuild(p: string): string[] };
    expect(hook.modulesToRebuild('win32')).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(hook.modulesToRebuild('linux')).toEqual([]);
    expect(hook.modulesToRebuild('darwin')).toEqual([]);
  });

  it('needs no Electron headers when a developer installs: nothing rebuilds for Electron at npm install', () => {
    for (const name of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(packageJson.scripts[name] ?? '', name).not.toMatch(/electron-builder|electron-rebuild|@electron\/rebuild|install-app-deps/);
    }
    // The Linux/macOS driver has no Windows build; as an optional dependency it does not stop `npm install` there.
    expect(packageJson.optionalDependencies?.['@journeyapps/sqlcipher']).toBeDefined();
    expect(packageJson.dependencies['@journeyapps/sqlcipher']).toBeUndefined();
    expect(packageJson.dependencies['better-sqlite3-multiple-ciphers']).toMatch(/^\^?12\./);
  });

  it('has npm scripts that build each installer after building the app', () => {
    expect(packageJson.scripts['dist:win']).toBe('electron-vite build && electron-builder --win');
    expect(packageJson.scripts['dist:linux']).toBe('electron-vite build && electron-builder --linux');
    expect(packageJson.scripts['dist:mac']).toBe('electron-vite build && electron-builder --mac');
    expect(packageJson.scripts['dist:e2e']).toBe('electron-vite build && electron-builder --dir --config electron-builder.e2e.yml');
  });

  it('signs Windows builds through a hook, with no certificate in the repository', async () => {
    const config = await release;
    expect(config.win?.signtoolOptions?.sign).toBe('scripts/electron-builder/signWindows.cjs');
    const hook = (await import(path.join(root, 'scripts/electron-builder/signWindows.cjs'))) as {
      default: unknown;
      signCommand(template: string, file: string): string;
    };
    expect(typeof hook.default).toBe('function');
    expect(hook.signCommand('signtool sign /fd sha256 {file}', 'C:\\dist\\Sebaya Setup.exe')).toBe('signtool sign /fd sha256 "C:\\dist\\Sebaya Setup.exe"');
    expect(() => hook.signCommand('signtool sign', 'x.exe')).toThrow(/\{file\}/);
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    expect(tracked.filter((file) => /\.(pfx|p12|cer|crt|pem|key|snk|spc|pvk)$/i.test(file))).toEqual([]);
  });
});

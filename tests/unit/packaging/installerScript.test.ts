/**
 * resources/installer.nsh, compiled by NSIS's own compiler (Debian's `nsis`
 * package; CI installs it) inside a small uninstaller that stands in for
 * electron-builder's, with warnings as errors. The Windows installer itself
 * can only be built and run on Windows (README.md).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/backend';

const resources = path.resolve(__dirname, '../../../resources');

function makensis(): string {
  try {
    execFileSync('makensis', ['-VERSION'], { encoding: 'utf8' });
    return 'makensis';
  } catch {
    throw new Error('makensis is missing: install NSIS (Debian: apt-get install nsis) to check the installer script.');
  }
}

/** electron-builder's uninstaller, reduced to what the include relies on. */
const harness = (oneClick: boolean) => `
Unicode true
!include LogicLib.nsh
!include FileFunc.nsh
!define PRODUCT_FILENAME "Sebaya"
!define BUILD_UNINSTALLER
${oneClick ? '!define ONE_CLICK' : ''}
!macro _isUpdated _a _b _t _f
  ClearErrors
  \${GetParameters} $R9
  \${GetOptions} $R9 "--updated" $R8
  IfErrors \`\${_f}\` \`\${_t}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
!addincludedir "${resources}"
!include "installer.nsh"
Name "Sebaya"
OutFile "uninstaller-check.exe"
RequestExecutionLevel user
Section
  WriteUninstaller "$TEMP\\uninstall-check.exe"
SectionEnd
Function un.onInit
  !insertmacro customUnInit
FunctionEnd
Section "Uninstall"
  !insertmacro customUnInstall
SectionEnd
`;

describe('the installer script', () => {
  it.each([
    ['one-click', true],
    ['assisted', false],
  ])('compiles without warnings into a %s uninstaller', (_kind, oneClick) => {
    const dir = tempDir('sebaya-nsis-');
    const script = path.join(dir, 'check.nsi');
    writeFileSync(script, harness(oneClick));
    const output = execFileSync(makensis(), ['-V2', '-WX', script], { cwd: dir, encoding: 'utf8' });
    expect(output).not.toMatch(/warning/i);
  });
});

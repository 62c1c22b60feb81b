/**
 * Signs Sebaya's Windows executables (electron-builder.yml:
 * win.signtoolOptions.sign). A signed installer is what lets a school install
 * without SmartScreen's "Windows protected your PC" warning. No certificate is
 * kept in this repository; the build machine provides one of:
 *
 * 1. SEBAYA_WIN_SIGN_COMMAND: a command that signs one file, with {file} where
 *    the path goes. Use it for certificates kept in a hardware token or a cloud
 *    key store (required for new code-signing certificates since 2023), e.g.
 *      SEBAYA_WIN_SIGN_COMMAND='signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /sha1 <THUMBPRINT> {file}'
 * 2. CSC_LINK (or WIN_CSC_LINK) and CSC_KEY_PASSWORD: a .pfx file, signed by
 *    electron-builder's own signtool step.
 *
 * With neither, the build goes on unsigned and says so.
 */
const { spawnSync } = require('node:child_process');

/** The command for one file: {file} replaced by the path, quoted. */
function signCommand(template, file) {
  if (!template.includes('{file}')) throw new Error('SEBAYA_WIN_SIGN_COMMAND must contain {file}.');
  return template.split('{file}').join(`"${file.replace(/"/g, '\\"')}"`);
}

exports.signCommand = signCommand;

exports.default = async function signWindows(configuration, packager) {
  const file = configuration.path;
  const template = process.env.SEBAYA_WIN_SIGN_COMMAND;
  if (template) {
    const result = spawnSync(signCommand(template, file), { shell: true, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Signing failed for ${file} (exit code ${result.status}).`);
    return;
  }
  if (configuration.cscInfo) {
    const manager = await packager.signingManager.value;
    await manager.doSign(configuration, packager);
    return;
  }
  console.warn(`  • not signed (no certificate configured): ${file}. Windows will warn when it is installed; see README.md, "Signing".`);
};

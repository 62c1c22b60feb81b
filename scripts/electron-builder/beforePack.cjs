/**
 * electron-builder's beforePack hook (electron-builder.yml), with
 * `npmRebuild: false`: instead of electron-builder's "rebuild every native
 * dependency for Electron" step,
 *
 * - @journeyapps/sqlcipher and drivelist are N-API modules: the builds npm
 *   made for Node load in Electron unchanged, so they are used as they are.
 * - better-sqlite3-multiple-ciphers is not N-API: it must be compiled against
 *   Electron's headers (or a prebuilt binary for this Electron fetched). It is
 *   the driver on Windows, so a Windows build rebuilds it here. Linux and
 *   macOS builds ship it unused, as npm built it (their driver is
 *   @journeyapps/sqlcipher); SEBAYA_DB_DRIVER cannot select it in those
 *   packaged apps.
 *
 * (A beforeBuild hook that returns false would skip electron-builder's own
 * rebuild too, but it also stops electron-builder from packing node_modules.)
 *
 * This runs only when installers are built, on the packaging machine, which
 * downloads Electron anyway. `npm install` on a developer's machine never
 * needs Electron's headers. After `npm run dist:win`, `postdist:win` rebuilds
 * the module for Node again, so the test suite keeps working on that machine.
 */
const { rebuild } = require('@electron/rebuild');

/** The modules to compile for Electron, by target platform. */
function modulesToRebuild(platform) {
  return platform === 'win32' ? ['better-sqlite3-multiple-ciphers'] : [];
}

exports.modulesToRebuild = modulesToRebuild;

exports.default = async function beforePack(context) {
  const platform = context.electronPlatformName;
  const onlyModules = modulesToRebuild(platform);
  if (onlyModules.length === 0) return;
  if (platform !== process.platform) {
    throw new Error(`better-sqlite3-multiple-ciphers cannot be cross-compiled for ${platform} here: build the ${platform} installer on ${platform}.`);
  }
  const { Arch } = require('builder-util');
  const electronVersion = context.packager.info.framework.version;
  const arch = Arch[context.arch];
  console.log(`  • rebuilding for Electron ${electronVersion} (${arch}): ${onlyModules.join(', ')}`);
  await rebuild({ buildPath: context.packager.info.appDir, electronVersion, arch, onlyModules, force: true });
};

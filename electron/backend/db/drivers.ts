import { driverNames, type Driver, type DriverName } from './driver';

export { driverNames, type DriverName } from './driver';

/**
 * Each driver's module is loaded only when that driver opens a file: the
 * Linux/macOS driver is not installed on Windows at all (its package refuses
 * the platform), so nothing may require it at start-up there. In the bundled
 * app each loader becomes a separate chunk, required on first use.
 */
const loaders: Record<DriverName, () => Promise<Driver>> = {
  'journeyapps-sqlcipher': async () => (await import('./sqlcipherDriver')).journeyappsDriver,
  'better-sqlite3-multiple-ciphers': async () => (await import('./multipleCiphersDriver')).multipleCiphersDriver,
};

const lazyDrivers = Object.fromEntries(
  driverNames.map((name): [DriverName, Driver] => [name, { name, open: async (file, options) => (await loaders[name]()).open(file, options) }]),
) as Record<DriverName, Driver>;

export function driverByName(name: DriverName): Driver {
  return lazyDrivers[name];
}

/**
 * Windows gets better-sqlite3-multiple-ciphers (in SQLCipher 4 mode), because
 * @journeyapps/sqlcipher 6.x has no Windows build; Linux and macOS keep
 * @journeyapps/sqlcipher. Both read and write the same file format.
 */
export function platformDriverName(platform: NodeJS.Platform = process.platform): DriverName {
  return platform === 'win32' ? 'better-sqlite3-multiple-ciphers' : 'journeyapps-sqlcipher';
}

export class UnknownDriverError extends Error {
  constructor(requested: string) {
    super(`SEBAYA_DB_DRIVER="${requested}" is not a driver; use one of: ${driverNames.join(', ')}.`);
    this.name = 'UnknownDriverError';
  }
}

/**
 * The driver for this machine. `SEBAYA_DB_DRIVER` overrides the platform's
 * choice, so every driver can run on one machine (the conformance suite, and
 * the backend suite once per driver). A misspelt name is an error rather than
 * a quiet fallback, so a test run never believes it used a driver it did not.
 */
export function defaultDriver(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Driver {
  const requested = env.SEBAYA_DB_DRIVER?.trim();
  if (requested) {
    if (!(driverNames as readonly string[]).includes(requested)) throw new UnknownDriverError(requested);
    return driverByName(requested as DriverName);
  }
  return driverByName(platformDriverName(platform));
}

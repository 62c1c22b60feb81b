import { driverNames, type Driver, type DriverName } from './driver';
import { multipleCiphersDriver } from './multipleCiphersDriver';
import { journeyappsDriver } from './sqlcipherDriver';

export { driverNames, type DriverName } from './driver';

const drivers: Record<DriverName, Driver> = {
  'journeyapps-sqlcipher': journeyappsDriver,
  'better-sqlite3-multiple-ciphers': multipleCiphersDriver,
};

export function driverByName(name: DriverName): Driver {
  return drivers[name];
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

import type { Driver } from './driver';
import { journeyappsDriver } from './sqlcipherDriver';

export const driverNames = ['journeyapps-sqlcipher'] as const;
export type DriverName = (typeof driverNames)[number];

export function driverByName(name: DriverName): Driver {
  switch (name) {
    case 'journeyapps-sqlcipher':
      return journeyappsDriver;
  }
}

/** `SEBAYA_DB_DRIVER` overrides the platform's choice, so every driver can run on one machine. */
export function defaultDriver(env: NodeJS.ProcessEnv = process.env): Driver {
  const requested = env.SEBAYA_DB_DRIVER;
  if (requested && (driverNames as readonly string[]).includes(requested)) return driverByName(requested as DriverName);
  return journeyappsDriver;
}

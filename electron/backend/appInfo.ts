import packageJson from '../../package.json';

/** The app's version as released (package.json); written into backups so a newer file can be told apart. */
export const appVersion: string = packageJson.version;

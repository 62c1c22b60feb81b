import { electronBinary, noBinaryMessage } from './electronBinary';

/** Says out loud, before the run, why every test will be skipped; reporters list skips without their reason. */
export default function globalSetup(): void {
  if (electronBinary() === null) console.warn(`\n${noBinaryMessage}\n`);
}

import { electronBinary, noBinaryMessage } from './electronBinary';
import { noPackageMessage, packagedApp } from './packagedApp';

/** Says out loud, before the run, why tests will be skipped; reporters list skips without their reason. */
export default function globalSetup(): void {
  if (electronBinary() === null) console.warn(`\n${noBinaryMessage}\n`);
  if (packagedApp() === null) console.warn(`\n${noPackageMessage}\n`);
}

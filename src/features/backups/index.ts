export { BackupReminder } from './BackupReminder';
export { BackupSettings } from './BackupSettings';
export { BackupsPage } from './BackupsPage';
export { RestoreScreen } from './RestoreScreen';

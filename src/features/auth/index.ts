export { NewPasswordScreen } from './NewPasswordScreen';
export { PeerSignInScreen } from './PeerSignInScreen';
export { RecoveryKeyScreen } from './RecoveryKeyScreen';
export { SetupScreen } from './SetupScreen';
export { UnlockScreen } from './UnlockScreen';

export const settings = {
  settings: {
    title: 'Settings',
    school: 'School',
    schoolName: 'School name',
    security: 'Security',
    autoLock: 'Lock after this many minutes without activity',
    autoLockHint: 'Between 1 and 120 minutes. Sebaya warns 60 seconds before it locks.',
    vaultLocation: 'Vault folder',
    vaultLocationHint: 'The encrypted vault and its key slots live here. Back it up from the Backups area, not by copying this folder.',
    changePassword: 'Change your password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    passwordChanged: 'Your password was changed.',
    recoveryTitle: 'Recovery key',
    recoveryIntro:
      'If the recovery key was lost, or someone may have seen it, make a new one. The old one stops working at once.',
    newRecoveryKey: 'Make a new recovery key',
    confirmWithPassword: 'Your password, to confirm',
    saved: 'Settings were saved.',
  },
} as const;

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
    openVaultFolder: 'Open folder',
    openVaultFolderFailed: 'The folder could not be opened. Its path is shown above.',
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
    vaultCheck: {
      title: 'Check the vault',
      intro:
        'Reads every page of the encrypted vault on this computer and checks that none was damaged (by a failing disk, say), that the records fit together, and that nobody altered the audit log. On a vault of many years this takes a little while; you can keep working meanwhile.',
      button: 'Check the vault now',
      okTitle: 'The vault is intact',
      problemTitle: 'The check found a problem',
      pagesOk: 'The encryption of every page checks out.',
      pagesDamaged: '{{count}} damaged pages.',
      structureOk: 'The records fit together.',
      structureDamaged: 'SQLite found {{count}} problems in how the records fit together.',
      auditOk: 'The audit log is intact ({{count}} entries checked).',
      auditBroken: 'The audit log was altered at entry {{id}}.',
      auditUnreadable: 'The audit log could not be read.',
      whatNow:
        'Make no changes for now. Restore the newest backup that passes its full check (Backups), and keep the vault folder as it is for whoever looks into it.',
    },
    rotation: {
      title: 'Rotate the data key',
      intro:
        'Do this if a password, the recovery key or a backup may have fallen into the wrong hands. Sebaya re-encrypts the whole vault under a new key:',
      effectPasswords:
        'You keep your password. Every other staff member gets a temporary password, shown once on the next screen, and chooses a new one at their next unlock.',
      effectBackups:
        'Old backups and old passwords no longer open this vault. Old backup files still open with the passwords of their day: destroy the ones you no longer trust.',
      effectRecovery: 'The old recovery key stops working; you get a new one to write down or print.',
      button: 'Rotate the data key',
      confirmTitle: 'Rotate the data key now?',
      confirmBody:
        'The vault is copied, re-encrypted and put in place; the old copy is deleted. This takes a moment. Other staff will need the temporary passwords shown next.',
      doneTitle: 'The data key was rotated',
      done: 'The vault is now encrypted under a new key. Old passwords, the old recovery key and old backups no longer open it.',
      temporaryIntro: 'Give each person their temporary password in person. They are shown only now.',
      noted: 'I have noted the temporary passwords',
      nextBackup: 'Make a new backup soon: backups made before now still hold the old key.',
      toRecoveryKey: 'Continue to the new recovery key',
    },
    saved: 'Settings were saved.',
  },
} as const;

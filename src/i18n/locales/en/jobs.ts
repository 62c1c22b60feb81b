/** The long jobs' progress (issue 12): what a step is called while it runs, in a school counselor's words. */
export const jobs = {
  jobs: {
    starting: 'Starting…',
    /** One line under the bar: "Copying the vault to the USB stick… 40%". */
    line: '{{step}}… {{percent}}%',
    count: '{{done}} of {{total}}',
    alreadyRunning: 'This is already under way. Wait for it to finish; you can keep working elsewhere in Sebaya meanwhile.',
    keepWorking: 'You can keep working elsewhere in Sebaya while this runs.',
    steps: {
      snapshot: 'Taking a snapshot of the vault',
      writing: 'Copying the vault to the backup folder',
      verifying: 'Reading the copy back to check it',
      finishing: 'Finishing the backup file',
      rotating: 'Tidying up older backups',
      'reading-file': 'Reading the backup file',
      opening: 'Opening the backup with the password or recovery key',
      copying: 'Unpacking the backup to check it',
      'checking-pages': 'Checking the encryption of every page',
      'checking-structure': 'Checking that the records fit together',
      'checking-audit': 'Checking the audit log, entry by entry',
      counting: 'Counting the records',
      figures: "Working out the term's figures",
      'writing-pdf': 'Laying out the PDF',
      'reading-rows': "Reading the file's rows",
      saving: 'Saving the peers into the vault',
    },
  },
} as const;

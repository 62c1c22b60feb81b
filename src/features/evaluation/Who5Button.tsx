import { Button } from '@mantine/core';
import { IconHeartbeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpSeekerOutcomeModal, type CodedHelpSeeker } from './Outcomes';

/** Opens a help-seeker's WHO-5 (scores, change, recording another) from wherever staff work with the code, such as a case. */
export function Who5Button({ helpSeeker }: { helpSeeker: CodedHelpSeeker }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        mt="sm"
        leftSection={<IconHeartbeat size={14} />}
        onClick={() => setOpen(true)}
        aria-label={t('who5.openLabel', { code: helpSeeker.code })}
      >
        {t('who5.caseButton')}
      </Button>
      <HelpSeekerOutcomeModal helpSeeker={open ? helpSeeker : null} onClose={() => setOpen(false)} />
    </>
  );
}

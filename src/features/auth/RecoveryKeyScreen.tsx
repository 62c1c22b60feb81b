import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShownOnce } from '../../ui/ShownOnce';
import { AuthLayout } from '../../ui/AuthLayout';
import classes from './RecoveryKeyScreen.module.css';

interface RecoveryKeyScreenProps {
  recoveryKey: string;
  schoolName: string;
  fresh: boolean;
  changeId?: string | undefined;
  onDone(): void;
}

/** Shows the recovery key once; the user must confirm they stored it before going on. */
export function RecoveryKeyScreen({ recoveryKey, schoolName, fresh, changeId, onDone }: RecoveryKeyScreenProps) {
  const { t, i18n } = useTranslation();
  const [stored, setStored] = useState(false);
  const today = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date());

  return (
    <>
      <div className={classes.screen}>
        <AuthLayout title={fresh ? t('recoveryKey.title') : t('recoveryKey.newTitle')} width={560}>
          <Text>{fresh ? t('recoveryKey.intro') : t('recoveryKey.newIntro')}</Text>
          <ShownOnce secret={recoveryKey} label={t('recoveryKey.title')} changeId={changeId} />
          <Alert color="orange" role="note">
            {t('recoveryKey.onceWarning')}
          </Alert>
          <Group>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              {t('common.print')}
            </Button>
          </Group>
          <Stack gap="md">
            <Checkbox
              label={t('recoveryKey.stored')}
              checked={stored}
              onChange={(event) => setStored(event.currentTarget.checked)}
            />
            <Button disabled={!stored} onClick={onDone}>
              {t('recoveryKey.done')}
            </Button>
          </Stack>
        </AuthLayout>
      </div>
      <div className={classes.printOnly} aria-hidden>
        <h1>{t('recoveryKey.printTitle')}</h1>
        <p>{t('recoveryKey.printFor', { school: schoolName })}</p>
        <p>{t('recoveryKey.printDate', { date: today })}</p>
        <p className={classes.printKey}>{recoveryKey}</p>
        <p>{t('recoveryKey.printInstructions')}</p>
      </div>
    </>
  );
}

import { Button, Group, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PeerProfile } from '../../contract';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { formatDay, formatHours } from '../../ui/format';
import { moduleTitle } from '../training';
import classes from './Certificate.module.css';

function CertificateBody({ profile }: { profile: PeerProfile }) {
  const { t, i18n } = useTranslation();
  const status = useSession((s) => s.status);
  const lang = i18n.language;
  const done = profile.training.modules.filter((m) => m.completed);
  return (
    <div className={classes.certificate}>
      <div>{status?.schoolName ?? ''}</div>
      <h1 className={classes.heading}>{t('peers.certHeading')}</h1>
      <div>{t('peers.certIntro')}</div>
      <div className={classes.name}>{profile.peer.fullName}</div>
      <div>{t('peers.certBody', { className: profile.peer.className, school: status?.schoolName ?? '' })}</div>
      <table className={classes.modules} aria-label={t('peers.certModules')}>
        <tbody>
          {done.map((m) => (
            <tr key={m.moduleId}>
              <td>{moduleTitle(m, lang)}</td>
              <td>{formatDay(m.firstCompletedOn, lang)}</td>
              <td>{t('peers.certHours', { hours: formatHours(m.hours, lang) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>{t('peers.certTotal', { hours: formatHours(profile.training.hours, lang) })}</div>
      <div>{t('peers.certDate', { date: formatDay(profile.training.trainedOn, lang) })}</div>
      {/* Signed by hand: whoever prints it, the coordinator signs. */}
      <div className={classes.signature}>{t('peers.certSigned')}</div>
    </div>
  );
}

/**
 * A simple certificate for a trained peer: previewed here, printed with the
 * system's print dialog (which can also save a PDF). Only the certificate goes
 * to paper; the app around it is hidden by the print style.
 */
export function CertificateModal({
  profile,
  opened,
  onClose,
}: {
  profile: PeerProfile;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} size="xl" title={t('peers.certificateTitle', { name: profile.peer.fullName })}>
      <Stack>
        <CertificateBody profile={profile} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Group>
      </Stack>
      {opened
        ? createPortal(
            <div className={classes.printRoot}>
              <CertificateBody profile={profile} />
            </div>,
            document.body,
          )
        : null}
    </AppModal>
  );
}

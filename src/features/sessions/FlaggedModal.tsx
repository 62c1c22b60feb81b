import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../contract';
import { openCasePage } from '../../navigation/places';
import { ProtocolModal } from '../cases';

/**
 * After a log with a ticked risk item is submitted: the writer is told it
 * went to the counselor, and sees the school's escalation protocol at once.
 * A peer is not shown the case itself.
 */
export function FlaggedModal({ saved, onClose }: { saved: MethodOutput<'sessionLogs.create'> | null; onClose(): void }) {
  const { t } = useTranslation();
  const flagged = saved?.flagged ?? null;
  const severity = flagged ? t(`severity.${flagged.severity}`) : '';
  const caseId = flagged?.caseId ?? null;
  return (
    <ProtocolModal
      opened={flagged !== null}
      title={t('flagged.title')}
      protocol={saved?.escalationProtocol ?? ''}
      onClose={onClose}
      intro={
        <>
          <Text>{caseId === null ? t('flagged.peerBody', { severity }) : t('flagged.staffBody', { id: caseId, severity })}</Text>
          <Text fw={600}>{saved?.escalationProtocol?.trim() ? t('flagged.dangerNow') : t('flagged.noProtocol')}</Text>
        </>
      }
      actions={
        caseId !== null ? (
          <Button
            variant="default"
            onClick={() => {
              onClose();
              openCasePage(caseId);
            }}
          >
            {t('flagged.openCase')}
          </Button>
        ) : null
      }
    />
  );
}

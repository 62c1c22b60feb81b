import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeerStatus } from '../../contract';

const colors: Record<PeerStatus, string> = {
  nominated: 'gray',
  interviewing: 'indigo',
  selected: 'violet',
  in_training: 'yellow',
  active: 'teal',
  paused: 'orange',
  alumni: 'blue',
  withdrawn: 'red',
};

export function PeerStatusBadge({ status }: { status: PeerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {t(`peerStatus.${status}`)}
    </Badge>
  );
}

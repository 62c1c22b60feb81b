import {
  IconBook2,
  IconChartBar,
  IconClipboardList,
  IconDatabaseExport,
  IconFlag3,
  IconHome,
  IconListCheck,
  IconMessages,
  IconSettings,
  IconShieldLock,
  IconSpeakerphone,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { AreaId } from '../../stores/navigation';

export const areaIcons: Record<AreaId, ComponentType<{ size?: number; stroke?: number }>> = {
  dashboard: IconHome,
  peers: IconUsersGroup,
  training: IconBook2,
  outreach: IconSpeakerphone,
  sessions: IconMessages,
  cases: IconFlag3,
  supervision: IconListCheck,
  evaluation: IconClipboardList,
  reports: IconChartBar,
  backups: IconDatabaseExport,
  users: IconUsers,
  settings: IconSettings,
  audit: IconShieldLock,
};

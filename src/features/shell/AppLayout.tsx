import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLock, IconLogout, IconUserShare } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onBackendEvent } from '../../api/client';
import type { AppStatus } from '../../contract';
import { collectDrafts, hasUnsavedText } from '../../drafts/registry';
import { askToDiscard } from '../../ui/DiscardPrompt';
import { areaOf, goToArea } from '../../navigation/places';
import { followHistory, navigate, pathOf, rememberPlaceAcrossLock, setLeaveGuard, useRouter } from '../../navigation/router';
import { areasFor, type AreaId } from '../../stores/navigation';
import { lockNow, reloadRenderer } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Logo } from '../../ui/Logo';
import { AuditPage } from '../audit';
import { BackupsPage } from '../backups';
import { CasesPage } from '../cases';
import { DashboardPage } from '../dashboard';
import { EvaluationPage } from '../evaluation';
import { OutreachPage } from '../outreach';
import { PeersPage } from '../peers';
import { ReportsPage } from '../reports';
import { SessionsPage } from '../sessions';
import { SettingsPage } from '../settings';
import { SupervisionPage } from '../supervision';
import { TrainingPage } from '../training';
import { UsersPage } from '../users';
import { areaIcons } from './areas';
import { ComingSoon } from './ComingSoon';
import { IdleWarning } from './IdleWarning';
import { useIdleLock } from './useIdleLock';

function AreaPage({ area }: { area: AreaId }) {
  switch (area) {
    case 'dashboard':
      return <DashboardPage />;
    case 'peers':
      return <PeersPage />;
    case 'training':
      return <TrainingPage />;
    case 'outreach':
      return <OutreachPage />;
    case 'sessions':
      return <SessionsPage />;
    case 'cases':
      return <CasesPage />;
    case 'supervision':
      return <SupervisionPage />;
    case 'reports':
      return <ReportsPage />;
    case 'evaluation':
      return <EvaluationPage />;
    case 'users':
      return <UsersPage />;
    case 'settings':
      return <SettingsPage />;
    case 'backups':
      return <BackupsPage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <ComingSoon area={area} />;
  }
}

/** The signed-in app: sidebar with every area the role may use, header with school, user, language and Lock. */
export function AppLayout({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const area = useRouter((s) => areaOf(s.route));
  // A page's form (a session log, a meeting, a case note) goes when its page is left: ask first.
  const mayLeave = useCallback(async () => !hasUnsavedText() || askToDiscard(), []);
  const leaveFor = async (id: AreaId) => {
    if (await mayLeave()) goToArea(id);
  };
  useEffect(() => {
    const stopFollowing = followHistory();
    const releaseGuard = setLeaveGuard(mayLeave);
    const forgetPlace = rememberPlaceAcrossLock();
    return () => {
      stopFollowing();
      releaseGuard();
      forgetPlace();
    };
  }, [mayLeave]);
  const user = status.user!;
  const isPeer = user.role === 'peer';
  const [handingOver, setHandingOver] = useState(false);

  const lock = useCallback((reason: 'manual' | 'idle' | 'os') => void lockNow(reason), []);
  const idleLock = useCallback(() => lock('idle'), [lock]);
  const { secondsLeft, stayActive } = useIdleLock(status.autoLockMinutes ?? 10, idleLock);

  useHotkeys([['mod+L', () => lock('manual')]], []);

  useEffect(
    () =>
      onBackendEvent((event) => {
        if (event.type === 'lock-requested') lock('os');
      }),
    [lock],
  );

  const areas = areasFor(user.role);
  const visibleArea = areas.includes(area) ? area : (areas[0] ?? 'dashboard');
  // An address of an area this role does not use (typed, or left by the person before) shows its first area instead.
  useEffect(() => {
    if (visibleArea !== area) navigate(pathOf(visibleArea), { replace: true });
  }, [area, visibleArea]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Logo size={32} />
            <Stack gap={0}>
              <Text fw={700} lh={1.2}>
                {status.schoolName ?? t('app.name')}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.2}>
                {t('app.name')}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap={6} wrap="nowrap" aria-label={t('shell.signedInAs', { name: user.fullName })}>
              <Text fz="sm" fw={500}>
                {user.fullName}
              </Text>
              <Badge variant="light" size="sm">
                {t(`roles.${user.role}`)}
              </Badge>
            </Group>
            <LanguageSwitch signedIn />
            {!isPeer ? (
              <Button variant="default" size="xs" leftSection={<IconUserShare size={16} />} onClick={() => setHandingOver(true)}>
                {t('handover.button')}
              </Button>
            ) : null}
            <Tooltip label={t('shell.lockHint')} withArrow>
              <Button
                size="xs"
                color={isPeer ? 'gray' : undefined}
                leftSection={isPeer ? <IconLogout size={16} /> : <IconLock size={16} />}
                onClick={() => lock('manual')}
              >
                {isPeer ? t('shell.signOut') : t('shell.lock')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('shell.navigation')}>
            {areas.map((id) => {
              const Icon = areaIcons[id];
              const label = isPeer && id === 'peers' ? t('peers.ownProfile') : t(`areas.${id}`);
              return (
                <NavLink
                  key={id}
                  component="button"
                  label={label}
                  leftSection={<Icon size={18} stroke={1.6} />}
                  active={id === visibleArea}
                  aria-current={id === visibleArea ? 'page' : undefined}
                  onClick={() => void leaveFor(id)}
                  style={{ borderRadius: 6 }}
                />
              );
            })}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div id="content">
          <AreaPage area={visibleArea} />
        </div>
      </AppShell.Main>

      <IdleWarning secondsLeft={secondsLeft} onStay={stayActive} />
      <ConfirmDialog
        opened={handingOver}
        title={t('handover.confirmTitle')}
        body={t('handover.confirmBody')}
        confirmLabel={t('handover.confirm')}
        onCancel={() => setHandingOver(false)}
        onConfirm={async () => {
          await call('session.handOverToPeer', { drafts: collectDrafts() });
          reloadRenderer();
        }}
      />
    </AppShell>
  );
}

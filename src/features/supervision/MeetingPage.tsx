import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCalendarCheck, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import type { MeetingDetail } from '../../contract';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime, formatDay, formatTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { SeverityBadge } from '../../ui/badges';
import { openCasePage, openSessionLog, useSupervisionView } from '../../navigation/places';
import { ActionItemList } from './ActionItemList';
import { MeetingStatusBadge } from './badges';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Attendees({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const held = meeting.status === 'held';
  return (
    <List spacing={6} listStyleType="none">
      {meeting.attendees.map((a) => (
        <List.Item
          key={a.peerId !== null ? `p${a.peerId}` : `u${a.userId}`}
          icon={
            held ? (
              <ThemeIcon color={a.present ? 'teal' : 'gray'} size={20} radius="xl" variant="light">
                {a.present ? <IconCheck size={13} /> : <IconX size={13} />}
              </ThemeIcon>
            ) : undefined
          }
        >
          <Text fz="sm" span>
            {a.name}
          </Text>
          {a.userId !== null ? (
            <Text fz="xs" c="dimmed" span>
              {' '}
              ({t('supervision.staffMember')})
            </Text>
          ) : null}
          {held ? (
            <Text fz="xs" c={a.present ? 'teal.8' : 'dimmed'} span>
              {' · '}
              {a.present ? t('supervision.present') : t('supervision.absent')}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** One supervision meeting as it was recorded (or planned), with its links and action items. */
export function MeetingPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = useSupervisionView((s) => s.show);
  const { data, error, loading, reload } = useCall('supervision.meeting', { id });
  const [cancelling, setCancelling] = useState(false);
  const meeting = data?.meeting;

  return (
    <>
      <Anchor component="button" type="button" onClick={() => show({ kind: 'list' })} fz="sm" mb="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('supervision.back')}
        </Group>
      </Anchor>
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {meeting ? (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={6}>
                <Title order={1} size="h2">
                  {t('supervision.meetingTitle', { kind: t(`supervision.kindNames.${meeting.kind}`), date: formatDay(meeting.heldOn, lang) })}
                </Title>
                <Group gap="sm">
                  <MeetingStatusBadge status={meeting.status} />
                  <Text c="dimmed" fz="sm">
                    {[
                      meeting.startTime ? t('supervision.at', { time: formatTime(meeting.startTime, lang) }) : null,
                      meeting.durationMinutes ? t('supervision.minutes', { count: meeting.durationMinutes }) : null,
                      meeting.groupName,
                      t('supervision.ledBy', { name: meeting.supervisorName }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Group>
              </Stack>
              {meeting.canEdit ? (
                <Group gap="sm">
                  {meeting.status === 'planned' ? (
                    <>
                      <Button variant="default" color="red" onClick={() => setCancelling(true)}>
                        {t('supervision.cancelMeeting')}
                      </Button>
                      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => show({ kind: 'form', id: meeting.id, status: 'planned' })}>
                        {t('supervision.edit')}
                      </Button>
                      <Button leftSection={<IconCalendarCheck size={16} />} onClick={() => show({ kind: 'form', id: meeting.id, status: 'held' })}>
                        {t('supervision.recordHeld')}
                      </Button>
                    </>
                  ) : (
                    <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => show({ kind: 'form', id: meeting.id, status: 'held' })}>
                      {t('supervision.edit')}
                    </Button>
                  )}
                </Group>
              ) : null}
            </Group>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Section title={meeting.status === 'held' ? t('supervision.attendees') : t('supervision.invitedTitle')}>
                <Attendees meeting={meeting} />
              </Section>
              <Section title={t('supervision.topics')}>
                {meeting.topics.length ? (
                  <Group gap={6}>
                    {meeting.topics.map((topic) => (
                      <Badge key={topic} variant="light" color="gray" tt="none" fw={500}>
                        {topic}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('supervision.noTopics')}
                  </Text>
                )}
              </Section>
            </SimpleGrid>

            <Section title={t('supervision.discussed')}>
              {meeting.discussedCases.length === 0 && meeting.discussedLogs.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('supervision.nothingDiscussed')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Stack gap={6}>
                    <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t('supervision.discussedCases')}
                    </Text>
                    {meeting.discussedCases.length === 0 ? <Text fz="sm">—</Text> : null}
                    {meeting.discussedCases.map((c) => (
                      <Group key={c.id} gap={6}>
                        <Anchor component="button" type="button" fz="sm" onClick={() => openCasePage(c.id)}>
                          {t('supervision.caseLink', { id: c.id, code: c.helpSeekerCode })}
                        </Anchor>
                        <SeverityBadge severity={c.severity} />
                      </Group>
                    ))}
                  </Stack>
                  <Stack gap={6}>
                    <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t('supervision.discussedLogs')}
                    </Text>
                    {meeting.discussedLogs.length === 0 ? <Text fz="sm">—</Text> : null}
                    {meeting.discussedLogs.map((l) => (
                      <Anchor key={l.id} component="button" type="button" fz="sm" ta="left" onClick={() => openSessionLog(l.id)}>
                        {t('supervision.logLink', { date: formatDay(l.heldOn, lang), peer: l.peerName, code: l.helpSeekerCode ?? '—' })}
                      </Anchor>
                    ))}
                  </Stack>
                </SimpleGrid>
              )}
            </Section>

            <Section title={t('supervision.notes')}>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} c={meeting.notes ? undefined : 'dimmed'}>
                {meeting.notes || t('supervision.noNotes')}
              </Text>
            </Section>

            <Section title={t('supervision.actionItems')}>
              {meeting.actionItems.length ? (
                <ActionItemList items={meeting.actionItems} showMeeting={false} onChanged={() => void reload()} />
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('supervision.noActionItems')}
                </Text>
              )}
            </Section>

            <Text fz="xs" c="dimmed">
              {t('supervision.recordedBy', { name: meeting.createdByName ?? '—', at: formatDateTime(meeting.updatedAt, lang) })}
            </Text>
          </Stack>
        ) : null}
      </LoadState>
      {meeting ? (
        <ConfirmDialog
          opened={cancelling}
          danger
          title={t('supervision.cancelTitle')}
          body={t('supervision.cancelBody', { date: formatDay(meeting.heldOn, lang) })}
          confirmLabel={t('supervision.cancelConfirm')}
          cancelLabel={t('supervision.keepMeeting')}
          onCancel={() => setCancelling(false)}
          onConfirm={async () => {
            await call('supervision.cancelMeeting', { id: meeting.id, version: meeting.version });
            notifications.show({ color: 'teal', message: t('supervision.cancelled') });
            setCancelling(false);
            await reload();
          }}
        />
      ) : null}
    </>
  );
}

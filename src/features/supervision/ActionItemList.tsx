import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ActionItem } from '../../contract';
import { errorText } from '../../ui/errors';
import { formatDate, formatDay } from '../../ui/format';
import { openMeeting } from '../../navigation/places';

/**
 * Action items as a list a person can work through: the text, the owner, the
 * due day, an overdue item in red with a warning, and a tick box for whoever
 * may tick it (the owner, the meeting's supervisor, the coordinator).
 */
export function ActionItemList({
  items,
  onChanged,
  showOwner = true,
  showMeeting = true,
  linkMeeting = true,
}: {
  items: ActionItem[];
  onChanged(item: ActionItem): void;
  showOwner?: boolean;
  /** Off on the meeting's own page. */
  showMeeting?: boolean;
  /** Off for a peer account, who cannot open meetings. */
  linkMeeting?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState<number | null>(null);

  const toggle = async (item: ActionItem) => {
    setBusy(item.id);
    try {
      const { item: saved } = await call('actionItems.setDone', { id: item.id, version: item.version, done: !item.done });
      notifications.show({ color: 'teal', message: saved.done ? t('supervision.ticked') : t('supervision.unticked') });
      onChanged(saved);
    } catch (caught) {
      notifications.show({ color: 'red', message: errorText(t, caught) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs">
      {items.map((item) => {
        const alert = item.overdue;
        return (
          <Paper
            key={item.id}
            withBorder
            radius="md"
            p="sm"
            bg={alert ? 'var(--mantine-color-red-0)' : item.done ? 'var(--mantine-color-gray-0)' : undefined}
            style={alert ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                {item.canTick ? (
                  <Checkbox
                    mt={2}
                    checked={item.done}
                    disabled={busy === item.id}
                    onChange={() => void toggle(item)}
                    aria-label={item.done ? t('supervision.untick', { text: item.text }) : t('supervision.tick', { text: item.text })}
                  />
                ) : null}
                <Stack gap={2}>
                  <Text fz="sm" fw={500} td={item.done ? 'line-through' : undefined} c={item.done ? 'dimmed' : undefined}>
                    {item.text}
                  </Text>
                  <Group gap={6}>
                    {showOwner ? (
                      <Text fz="xs" c="dimmed">
                        {item.ownerName}
                        {showMeeting ? ' ·' : ''}
                      </Text>
                    ) : null}
                    {!showMeeting ? null : linkMeeting ? (
                      <Anchor component="button" type="button" fz="xs" onClick={() => openMeeting(item.meetingId)}>
                        {t('supervision.from', { date: formatDay(item.meetingHeldOn, lang) })}
                      </Anchor>
                    ) : (
                      <Text fz="xs" c="dimmed">
                        {t('supervision.from', { date: formatDay(item.meetingHeldOn, lang) })}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Group>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                {item.done ? (
                  <Text fz="xs" c="dimmed">
                    {t('supervision.doneOn', { date: formatDate(item.doneAt, lang) })}
                  </Text>
                ) : (
                  <Text fz="sm" fw={alert ? 700 : 500} c={alert ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {t('supervision.due')} {formatDay(item.dueOn, lang)}
                  </Text>
                )}
                {alert ? (
                  <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} />} style={{ minWidth: 'max-content' }}>
                    {t('supervision.overdue')}
                  </Badge>
                ) : null}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

import {
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  Portal,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconExternalLink, IconPhoneCall, IconPhoneIncoming } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { useStatuses } from '../../../lib/crm-reference.ts';
import { HistoryTimeline, PhoneList, useContact, useFamily } from '../../contact-card/index.ts';
import { DueBadge, NewCallModal, useContactTasks, type PickedContact } from '../../tasks/index.ts';

/**
 * A parent on the line (issue 17): the children they are most likely calling about, so
 * reception can ask "about Maja or Ella?" before opening the new-call dialog.
 */
function CallerChildren(props: { contactId: string }) {
  const { t } = useTranslation('clubEvents');
  const children = (useFamily(props.contactId).data?.children ?? []).filter(
    (r) => r.person.deletedAt === null,
  );
  if (children.length === 0) return null;
  const names = children
    .map((r) =>
      r.person.age === null
        ? r.person.displayName
        : t('pop.childAge', { name: r.person.displayName, age: r.person.age }),
    )
    .join(', ');
  return (
    <Text size="sm" data-testid="caller-children">
      <Text span size="xs" fw={600} c="dimmed">
        {t('pop.children')}
      </Text>{' '}
      {names}
    </Text>
  );
}

/** The open tasks a popped card lists; the person page has the rest. */
const TASKS_SHOWN = 3;

function CallerTasks(props: { contactId: string }) {
  const { t } = useTranslation('clubEvents');
  const query = useContactTasks(props.contactId);
  if (query.isPending) return <Skeleton height={40} radius="sm" />;
  const items = query.data?.items ?? [];
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="caller-no-tasks">
        {t('pop.noOpenTasks')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="caller-tasks">
      {items.slice(0, TASKS_SHOWN).map((task) => (
        <Group key={task.id} gap="xs" justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {task.template.name}
            </Text>
            {task.comment && (
              <Text size="xs" c="dimmed" truncate>
                {task.comment}
              </Text>
            )}
          </Stack>
          <div style={{ flexShrink: 0 }}>
            <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
          </div>
        </Group>
      ))}
      {items.length > TASKS_SHOWN && (
        <Text size="xs" c="dimmed">
          {t('pop.moreTasks', { count: items.length - TASKS_SHOWN })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * One caller's card: who is calling, their status and phone, what is open with them and
 * the last lines of their history, with the way to their page and to logging the call. A person
 * the user may not see (or who is gone) is not shown: the card dismisses itself.
 */
function CallerCard(props: {
  contactId: string;
  me: Me;
  onDismiss: () => void;
  onNewCall: (person: PickedContact) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const person = useContact('person', props.contactId);
  const statuses = useStatuses('person').data?.items ?? [];
  const { onDismiss } = props;
  const failed = person.isError;
  useEffect(() => {
    if (failed) onDismiss();
  }, [failed, onDismiss]);
  if (failed) return null;
  const p = person.data;
  const name = p?.displayName ?? '';
  const status = p ? statuses.find((s) => s.id === p.statusId) : undefined;
  const canCall = props.me.permissions.includes('tasks.write');

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onDismiss();
    }
  };

  return (
    <Paper
      withBorder
      shadow="lg"
      radius="md"
      p="sm"
      role="group"
      aria-label={p ? t('pop.label', { name }) : t('pop.title')}
      onKeyDown={onKeyDown}
      data-testid="caller-pop"
      style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon color="teal" variant="light" radius="xl" size="md">
            <IconPhoneIncoming size={16} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('pop.title')}
            </Text>
            {p ? (
              <Title
                order={4}
                size="h5"
                style={{ overflowWrap: 'anywhere' }}
                data-testid="caller-name"
              >
                {name}
              </Title>
            ) : (
              <Skeleton height={18} width={160} mt={2} />
            )}
          </Stack>
        </Group>
        <CloseButton
          onClick={onDismiss}
          aria-label={t('pop.dismiss', { name })}
          data-testid="caller-dismiss"
        />
      </Group>
      {!p ? (
        <Skeleton height={120} radius="sm" />
      ) : (
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap" align="flex-start">
            {status ? (
              <EntryBadge entry={status} testId="caller-status" />
            ) : (
              <Badge variant="outline" color="gray" tt="none" data-testid="caller-status">
                {t('pop.noStatus')}
              </Badge>
            )}
            <PhoneList phones={p.phones} />
          </Group>
          <CallerChildren contactId={props.contactId} />
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('pop.openTasks')}
            </Text>
            <CallerTasks contactId={props.contactId} />
          </Stack>
          <Stack gap={4} data-testid="caller-history">
            <Text size="xs" fw={600} c="dimmed">
              {t('pop.history')}
            </Text>
            <HistoryTimeline
              kind="person"
              id={props.contactId}
              timeZone={props.me.organization.timezone}
              limit={2}
            />
          </Stack>
          <Group gap="xs" justify="flex-end" wrap="wrap">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconExternalLink size={14} />}
              renderRoot={(rootProps) => (
                <Link
                  {...rootProps}
                  to="/persons/$personId"
                  params={{ personId: props.contactId }}
                />
              )}
              onClick={onDismiss}
              data-testid="caller-open"
            >
              {t('pop.openPerson')}
            </Button>
            {canCall && (
              <Button
                size="xs"
                color="teal"
                leftSection={<IconPhoneCall size={14} />}
                onClick={() => props.onNewCall({ id: props.contactId, kind: 'person', name })}
                data-testid="caller-new-call"
              >
                {t('pop.newCall')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/**
 * Known callers' cards, stacked at the top right of every page (toasts keep the bottom right),
 * newest on top (A-2). They do not take the focus from what the user is typing; a screen reader
 * hears them arrive, Tab reaches them, and Escape inside one dismisses it.
 */
export function CallerPops(props: {
  calls: ReadonlyArray<{ contactId: string }>;
  me: Me;
  onDismiss: (contactId: string) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const [calling, setCalling] = useState<PickedContact | null>(null);
  return (
    <>
      <Portal>
        <section
          aria-label={t('pop.region')}
          aria-live="polite"
          data-testid="caller-pops"
          style={{
            position: 'fixed',
            right: 16,
            top: 72,
            zIndex: 190,
            width: 'min(380px, calc(100vw - 32px))',
            pointerEvents: props.calls.length ? 'auto' : 'none',
          }}
        >
          <ScrollArea.Autosize mah="calc(100vh - 88px)" type="auto" offsetScrollbars>
            <Stack gap="sm">
              {props.calls.map((call) => (
                <CallerCard
                  key={call.contactId}
                  contactId={call.contactId}
                  me={props.me}
                  onDismiss={() => props.onDismiss(call.contactId)}
                  onNewCall={(person) => {
                    setCalling(person);
                    props.onDismiss(call.contactId);
                  }}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </section>
      </Portal>
      <NewCallModal opened={calling !== null} person={calling} onClose={() => setCalling(null)} />
    </>
  );
}

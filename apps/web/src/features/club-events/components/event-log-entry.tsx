import {
  Anchor,
  Badge,
  Code,
  Collapse,
  Group,
  List,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import type { EventLogEntry } from '@spotter/contracts';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { memberNameOf, outcomeLines, refusalText } from './outcome-text.ts';

function StateBadge({ entry }: { entry: EventLogEntry }) {
  const { t } = useTranslation('clubEvents');
  if (entry.state === 'refused') {
    return (
      <Badge color="red" variant="light" data-testid="log-state">
        {t('log.state.refused')}
      </Badge>
    );
  }
  return entry.processedAt ? (
    <Badge color="teal" variant="light" data-testid="log-state">
      {t('log.state.processed')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" data-testid="log-state">
      {t('log.state.waiting')}
    </Badge>
  );
}

const PersonLink = (props: { id: string; children: string }) => (
  <Anchor
    renderRoot={(p) => <Link {...p} to="/persons/$personId" params={{ personId: props.id }} />}
    data-testid="log-person-link"
  >
    {props.children}
  </Anchor>
);

const TaskLink = (props: { id: string; children: string }) => (
  <Anchor
    renderRoot={(p) => <Link {...p} to="/tasks/$taskId" params={{ taskId: props.id }} />}
    data-testid="log-task-link"
  >
    {props.children}
  </Anchor>
);

/** One delivery in the log: a line to scan, opening onto its data and what processing did. */
export function EventLogEntryRow(props: {
  entry: EventLogEntry;
  timeZone: string;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation('clubEvents');
  const { entry } = props;
  const typeName = entry.type
    ? t(`types.${entry.type}`, { defaultValue: entry.type })
    : t('log.unreadable');
  const name = memberNameOf(entry.data);
  const summary =
    entry.state === 'refused'
      ? refusalText(entry.reason, t)
      : entry.contactId
        ? t('log.summaryLinked', { name: name ?? t('log.steps.thePerson') })
        : entry.processedAt
          ? t('log.summaryNotLinked')
          : t('log.summaryWaiting');
  const bodyId = `log-entry-${entry.id}`;
  return (
    <Paper withBorder radius="md" data-testid="log-entry" data-state={entry.state}>
      <UnstyledButton
        onClick={props.onToggle}
        aria-expanded={props.open}
        aria-controls={bodyId}
        p="sm"
        w="100%"
        data-testid="log-entry-toggle"
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {props.open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{typeName}</Text>
              <StateBadge entry={entry} />
              {entry.externalEventId?.startsWith('test_') && (
                <Badge variant="outline" color="gray" size="sm">
                  {t('log.test')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entry.sourceName} · {formatDateTime(entry.receivedAt, props.timeZone)} · {summary}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
      <Collapse expanded={props.open}>
        <Stack gap="sm" px="sm" pb="sm" pl={40} id={bodyId} data-testid="log-entry-body">
          {entry.state === 'refused' ? (
            <Text size="sm">{refusalText(entry.reason, t)}</Text>
          ) : (
            <>
              <div>
                <Text size="sm" fw={600}>
                  {t('log.whatHappened')}
                </Text>
                {entry.processedAt ? (
                  <List size="sm" spacing={2} data-testid="log-outcome">
                    {outcomeLines(entry, t).map((line, i) => (
                      <List.Item key={i}>
                        {line.contactId ? (
                          <PersonLink id={line.contactId}>{line.text}</PersonLink>
                        ) : line.taskId ? (
                          <TaskLink id={line.taskId}>{line.text}</TaskLink>
                        ) : (
                          line.text
                        )}
                      </List.Item>
                    ))}
                    {outcomeLines(entry, t).length === 0 && (
                      <List.Item>{t('log.steps.nothing')}</List.Item>
                    )}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('log.summaryWaiting')}
                  </Text>
                )}
              </div>
              <Group gap="lg" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('log.occurredAt', {
                    date: formatDateTime(entry.occurredAt, props.timeZone),
                  })}
                </Text>
                {entry.externalEventId && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('log.eventId')} <Code>{entry.externalEventId}</Code>
                  </Text>
                )}
              </Group>
              <div>
                <Text size="sm" fw={600} mb={4}>
                  {t('log.data')}
                </Text>
                <Code block style={{ maxHeight: 320, overflow: 'auto' }} data-testid="log-data">
                  {JSON.stringify(entry.data, null, 2)}
                </Code>
              </div>
            </>
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}

import { Drawer, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Me, Task } from '@spotter/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { ClubRecords } from '../../club-events/index.ts';
import { ContactDeals } from '../../deals/index.ts';
import { FamilyBlock, HistoryTimeline, NoteBox } from '../../contact-card/index.ts';
import { useTask } from '../../tasks/index.ts';
import { CardContactPanel } from './card-contact-panel.tsx';
import { CardOpenTasks } from './card-open-tasks.tsx';
import { CardTaskPanel } from './card-task-panel.tsx';

function Section(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Title order={4}>{props.title}</Title>
      {props.children}
    </Stack>
  );
}

function ExpandedBody(props: {
  task: Task;
  me: Me;
  onRefetch: () => void;
  onOpenTask: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const { task, me } = props;
  const contact = task.contact;
  const canNote = me.permissions.includes('contacts.write');
  return (
    <Stack gap="lg">
      <CardTaskPanel
        task={task}
        me={me}
        onRefetch={props.onRefetch}
        onOpenTask={props.onOpenTask}
      />
      {contact && (
        <>
          <CardContactPanel contact={contact} me={me} />
          {contact.kind === 'person' && (
            // The family (issue 17, C-15): a parent's children, a child's guardians.
            <FamilyBlock personId={contact.id} lastName="" canEdit={canNote} />
          )}
          <ContactDeals me={me} contact={contact} />
          {contact.kind === 'person' && <ClubRecords personId={contact.id} me={me} />}
          {canNote && (
            <Section title={t('expanded.comment')}>
              <NoteBox kind={contact.kind} id={contact.id} />
            </Section>
          )}
          <Section title={t('expanded.openTasks')}>
            <CardOpenTasks
              contactId={contact.id}
              currentId={task.id}
              onOpenTask={props.onOpenTask}
            />
          </Section>
          <Section title={t('expanded.history')} testId="expanded-history">
            <HistoryTimeline
              kind={contact.kind}
              id={contact.id}
              timeZone={me.organization.timezone}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}

/**
 * The expanded card (C-15, seed 003's double-click): the task, the person or company it is
 * about, a comment box writing into their history, their other open tasks and the history.
 * A person's contracts, payments, bookings and visits from the club's systems follow them.
 */
export function ExpandedCard(props: {
  taskId: string | undefined;
  me: Me;
  onClose: () => void;
  onOpenTask: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const narrow = useMediaQuery('(max-width: 40em)');
  // While the drawer slides shut the URL has no card any more; keep showing the last one.
  const [shownId, setShownId] = useState(props.taskId);
  if (props.taskId !== undefined && props.taskId !== shownId) setShownId(props.taskId);
  const query = useTask(shownId);
  const task = query.data;
  const title = task ? (task.contact?.name ?? task.template.name) : t('expanded.title');
  return (
    <Drawer
      opened={props.taskId !== undefined}
      onClose={props.onClose}
      position="right"
      size={narrow ? '100%' : 'lg'}
      title={
        <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="expanded-title">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('expanded.close') }}
      data-testid="expanded-card"
    >
      {query.isPending ? (
        <Stack gap="md">
          <Skeleton height={180} radius="md" />
          <Skeleton height={140} radius="md" />
        </Stack>
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ExpandedBody
          task={query.data}
          me={props.me}
          onRefetch={() => void query.refetch()}
          onOpenTask={props.onOpenTask}
        />
      )}
    </Drawer>
  );
}

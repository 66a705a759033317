import { Group, Paper, Skeleton, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Task } from '@spotter/contracts';
import { IconArrowDown, IconArrowUp, IconBuilding, IconPhoneCall } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';
import { useMe } from '../../auth/index.ts';
import { DueBadge } from './due-badge.tsx';
import { GuardianLine } from './guardian-line.tsx';
import type { TaskAction } from './task-actions.tsx';
import { TaskActionsMenu } from './task-actions.tsx';
import { ContactAnchor, TaskLink } from './links.tsx';

/** The person or company a task is about (a link), or a round's "7/40" progress. */
export function SubjectCell(props: { task: Task }) {
  const { t } = useTranslation('tasks');
  const { task } = props;
  const region = useQuery(crmSettingsQuery).data?.phoneRegion ?? null;
  if (task.round) {
    return (
      <TaskLink taskId={task.id} size="sm" data-testid="round-progress">
        <IconPhoneCall size={14} style={{ verticalAlign: -2 }} />{' '}
        {t('round.progress', { done: task.round.done, total: task.round.total })}
      </TaskLink>
    );
  }
  const c = task.contact;
  if (!c) {
    return (
      <Text size="sm" c="dimmed">
        {task.private ? t('table.private') : t('table.internal')}
      </Text>
    );
  }
  return (
    <div>
      {c.kind === 'person' ? (
        <ContactAnchor kind="person" id={c.id} size="sm">
          {c.name}
        </ContactAnchor>
      ) : (
        <ContactAnchor kind="company" id={c.id} size="sm">
          <IconBuilding size={14} style={{ verticalAlign: -2 }} /> {c.name}
        </ContactAnchor>
      )}
      {c.guardian && <GuardianLine guardian={c.guardian} region={region} testId="task-guardian" />}
      {c.phone && !c.guardian?.phone && (
        <Text size="xs" c="dimmed">
          <a href={telHref(c.phone)} style={{ color: 'inherit' }}>
            {shownPhone(c, region)}
          </a>
        </Text>
      )}
    </div>
  );
}

/** An open task's status; a done one's result (or just "Done" when it had none to pick). */
function StateCell(props: { task: Task }) {
  const { t } = useTranslation('tasks');
  const { task } = props;
  const badge = task.completedAt ? task.result : task.status;
  if (badge) {
    return (
      <NoShrink>
        <EntryBadge entry={badge} />
      </NoShrink>
    );
  }
  return task.completedAt ? (
    <Text size="sm" c="teal" fw={600}>
      {t('states.done')}
    </Text>
  ) : null;
}

/** Keeps a badge whole: a table squeezing its column would cut the label short. */
const NoShrink = (props: { children: ReactNode }) => (
  <div style={{ width: 'max-content' }}>{props.children}</div>
);

function SortHeader(props: {
  label: string;
  column: string;
  sort: string;
  onSort: (s: string) => void;
}) {
  const dir =
    props.sort === props.column ? 'asc' : props.sort === `-${props.column}` ? 'desc' : null;
  return (
    <UnstyledButton
      onClick={() => props.onSort(props.sort === props.column ? `-${props.column}` : props.column)}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
      fw={600}
      fz="sm"
      data-testid={`sort-${props.column}`}
    >
      <Group gap={4} wrap="nowrap">
        {props.label}
        {dir === 'asc' && <IconArrowUp size={14} />}
        {dir === 'desc' && <IconArrowDown size={14} />}
      </Group>
    </UnstyledButton>
  );
}

/** T-9's task table: due (coloured), template, client, comment, status, assignee and taken by. */
export function TasksTable(props: {
  rows: Task[] | undefined;
  pageSize: number;
  sort: string;
  onSort: (sort: string) => void;
  actionsFor: (task: Task) => TaskAction[];
  stale?: boolean;
  /** The done column instead of "taken by" (a done list). */
  showDone?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('tasks');
  const timeZone = useMe().data?.organization.timezone ?? 'UTC';
  const doneText = (task: Task) =>
    task.completedAt
      ? [formatDateTime(task.completedAt, timeZone), task.completedBy?.name]
          .filter(Boolean)
          .join(' · ')
      : '';
  const headers = (
    <Table.Tr>
      <Table.Th>
        <SortHeader
          label={t('fields.dueAt')}
          column="dueAt"
          sort={props.sort}
          onSort={props.onSort}
        />
      </Table.Th>
      <Table.Th>{t('fields.template')}</Table.Th>
      <Table.Th>{t('fields.contact')}</Table.Th>
      <Table.Th>{t('fields.comment')}</Table.Th>
      <Table.Th>{props.showDone ? t('fields.result') : t('fields.status')}</Table.Th>
      <Table.Th>{t('fields.assignee')}</Table.Th>
      {props.showDone && (
        <Table.Th>
          <SortHeader
            label={t('fields.completedAt')}
            column="completedAt"
            sort={props.sort}
            onSort={props.onSort}
          />
        </Table.Th>
      )}
      <Table.Th w={44}>
        <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
      </Table.Th>
    </Table.Tr>
  );
  const skeleton = Array.from({ length: Math.min(props.pageSize, 8) }, (_, i) => (
    <Table.Tr key={i}>
      {Array.from({ length: props.showDone ? 8 : 7 }, (_, j) => (
        <Table.Td key={j}>
          <Skeleton height={14} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: props.stale ? 0.6 : 1 }}>
      {/* Positioned, so the badges' visually hidden labels scroll with the table instead of
          widening the whole page on a tablet. */}
      <Table.ScrollContainer minWidth={960} type="native" pos="relative">
        <Table verticalSpacing="xs" highlightOnHover data-testid={props.testId ?? 'tasks-table'}>
          <Table.Thead>{headers}</Table.Thead>
          <Table.Tbody>
            {props.rows === undefined
              ? skeleton
              : props.rows.map((task) => (
                  <Table.Tr key={task.id} data-testid="task-row" data-task-id={task.id}>
                    <Table.Td>
                      <NoShrink>
                        <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
                      </NoShrink>
                    </Table.Td>
                    <Table.Td>
                      <TaskLink taskId={task.id} underline="never">
                        <NoShrink>
                          <EntryBadge entry={task.template} />
                        </NoShrink>
                      </TaskLink>
                    </Table.Td>
                    <Table.Td miw={150}>
                      <SubjectCell task={task} />
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={2} title={task.comment}>
                        {task.comment}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StateCell task={task} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{task.assignee?.name ?? '—'}</Text>
                      {/* "Taken into work" (T-6): who is on it now, if not simply the assignee. */}
                      {task.takenBy && !task.completedAt && (
                        <Text size="xs" c="dimmed" data-testid="taken-by">
                          {t('table.takenBy', { name: task.takenBy.name })}
                        </Text>
                      )}
                    </Table.Td>
                    {props.showDone && (
                      <Table.Td>
                        <Text size="sm">{doneText(task)}</Text>
                      </Table.Td>
                    )}
                    <Table.Td>
                      <TaskActionsMenu
                        label={t('actions.menuFor', { name: task.template.name })}
                        actions={props.actionsFor(task)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Task } from '@spotter/contracts';
import { IconArrowLeft, IconArrowRight, IconPhoneCall } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDictionaries, useTaskTemplates } from '../api/task-settings-read-api.ts';
import { describeFieldValue } from '../lib/result-values.ts';
import { DueBadge } from './due-badge.tsx';
import { SubjectCell } from './tasks-table.tsx';
import { formatWall } from './zoned-date-time-input.tsx';
import { TaskLink } from './links.tsx';

function Field(props: { label: string; children: ReactNode; span?: boolean; testId?: string }) {
  return (
    <Stack
      gap={2}
      style={props.span ? { gridColumn: '1 / -1' } : undefined}
      data-testid={props.testId}
    >
      <Text size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      {props.children ?? <Text c="dimmed">—</Text>}
    </Stack>
  );
}

const Dash = () => <Text c="dimmed">—</Text>;

/** What a task is: its client, who does it, when, its status and comment. */
export function TaskDetailsCard(props: { task: Task; timeZone: string }) {
  const { t } = useTranslation('tasks');
  const { task, timeZone } = props;
  return (
    <Paper withBorder radius="md" p="md" data-testid="task-details">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Field label={t('fields.type')}>
          <Text>{t(`types.${task.type}`)}</Text>
        </Field>
        {/* A round's persons are its calls, listed below the details. */}
        {task.type !== 'round' && (
          <Field label={t('fields.contact')}>
            <SubjectCell task={task} />
          </Field>
        )}
        <Field label={t('fields.dueAt')}>
          <div>
            <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
          </div>
        </Field>
        <Field label={t('fields.remindAt')}>
          {task.remindAt ? <Text>{formatDateTime(task.remindAt, timeZone)}</Text> : <Dash />}
        </Field>
        <Field label={t('fields.assignee')}>
          {task.assignee ? <Text>{task.assignee.name}</Text> : <Dash />}
        </Field>
        <Field label={t('fields.takenBy')} testId="task-taken-by">
          {task.takenBy ? (
            <Text>
              {task.takenBy.name}
              {task.takenAt && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {formatDateTime(task.takenAt, timeZone)}
                </Text>
              )}
            </Text>
          ) : (
            <Dash />
          )}
        </Field>
        <Field label={t('fields.status')}>
          {task.status ? (
            <div>
              <EntryBadge entry={task.status} />
            </div>
          ) : (
            <Text c="dimmed">{t('form.noStatus')}</Text>
          )}
        </Field>
        <Field label={t('fields.creator')}>
          <Text>
            {task.creator?.name ?? '—'}
            <Text span c="dimmed" size="sm">
              {' '}
              · {formatDateTime(task.createdAt, timeZone)}
            </Text>
          </Text>
        </Field>
        {task.private && (
          <Field label={t('fields.private')}>
            <Text>{t('table.private')}</Text>
          </Field>
        )}
        <Field label={t('fields.comment')} span>
          {task.comment ? <Text style={{ whiteSpace: 'pre-wrap' }}>{task.comment}</Text> : <Dash />}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

/** How the task ended: the result, its extra fields, and the chain before and after it. */
export function TaskOutcomeCard(props: { task: Task; timeZone: string }) {
  const { t, i18n } = useTranslation('tasks');
  const { task, timeZone } = props;
  const templates = useTaskTemplates().data?.items ?? [];
  const dictionaries = useDictionaries().data?.items ?? [];
  const result = templates
    .find((tpl) => tpl.id === task.template.id)
    ?.results.find((r) => r.id === task.result?.id);
  const optionName = (dictionaryId: string, optionId: string) =>
    dictionaries.find((d) => d.id === dictionaryId)?.options.find((o) => o.id === optionId)?.name;
  const chain = task.previousId || task.next || task.parentId;
  if (!task.completedAt && !chain) return null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="task-outcome">
      <Title order={4} mb="sm">
        {task.completedAt ? t('task.outcome') : t('task.chain')}
      </Title>
      <Stack gap="sm">
        {task.completedAt && (
          <Group gap="xs">
            <EntryBadge entry={task.result} testId="task-result" />
            <Text size="sm" c="dimmed">
              {t('task.completed', {
                when: formatDateTime(task.completedAt, timeZone),
                who: task.completedBy?.name ?? '—',
              })}
            </Text>
          </Group>
        )}
        {Object.entries(task.resultFields).map(([fieldId, value]) => {
          const field = result?.fields.find((f) => f.id === fieldId);
          return (
            <Field key={fieldId} label={field?.label ?? fieldId}>
              <Text>
                {describeFieldValue(field, value, optionName, (d) =>
                  formatWall(d, i18n.language, false),
                )}
              </Text>
            </Field>
          );
        })}
        {task.resultComment && (
          <Field label={t('fields.resultComment')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{task.resultComment}</Text>
          </Field>
        )}
        {task.next && (
          <Group gap={6} data-testid="task-next">
            <IconArrowRight size={16} />
            <Text size="sm">{t('task.next')}</Text>
            <TaskLink taskId={task.next.id} size="sm" fw={600}>
              {task.next.name}
            </TaskLink>
            {task.next.dueAt && (
              <Text size="sm" c="dimmed">
                {formatDateTime(task.next.dueAt, timeZone)}
              </Text>
            )}
          </Group>
        )}
        {task.previousId && (
          <Group gap={6}>
            <IconArrowLeft size={16} />
            <TaskLink taskId={task.previousId} size="sm">
              {t('task.previous')}
            </TaskLink>
          </Group>
        )}
        {task.parentId && (
          <Group gap={6}>
            <IconPhoneCall size={16} />
            <TaskLink taskId={task.parentId} size="sm">
              {t('task.partOfRound')}
            </TaskLink>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import { Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { DEFAULT_WORKDAY_START, type TaskResult, type TaskTemplate } from '@spotter/contracts';
import { useQuery } from '@tanstack/react-query';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { crmSettingsQuery, useStaff } from '../../../lib/crm-reference.ts';
import { formatClock } from '../../../lib/format.ts';
import { ArchivedBadge } from '../../../components/settings/archived-badge.tsx';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import {
  EntryOrderButtons,
  EntryRowActions,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';
import {
  useCreateResult,
  useDeleteResult,
  useDictionaries,
  useReorderResults,
  useUpdateResult,
} from '../api/task-settings-api.ts';
import { deletedOrArchived } from './deleted-feedback.ts';
import { fieldsText, nextStepText } from './describe.ts';
import { resultBody, type ResultValues } from './result-form.ts';
import { ResultModal } from './result-modal.tsx';
import type { Workday } from './workflow-editor.tsx';

/**
 * A template's results in order (T-4, T-5): what staff pick when they complete a task, what
 * each asks for and which task it creates next.
 */
export function ResultsDrawer(props: {
  template: TaskTemplate | null;
  templates: TaskTemplate[];
  timezone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const narrow = useMediaQuery('(max-width: 48em)');
  const { template } = props;
  return (
    <Drawer
      opened={template !== null}
      onClose={props.onClose}
      position="right"
      size={narrow ? '100%' : 'xl'}
      title={template ? t('results.title', { template: template.name }) : ''}
    >
      {template && (
        <ResultsList template={template} templates={props.templates} timezone={props.timezone} />
      )}
    </Drawer>
  );
}

function ResultsList(props: {
  template: TaskTemplate;
  templates: TaskTemplate[];
  timezone: string;
}) {
  const { t } = useTranslation('taskSettings');
  const { template } = props;
  const staff = useStaff();
  const dictionaries = useDictionaries();
  const create = useCreateResult();
  const update = useUpdateResult();
  const remove = useDeleteResult();
  const reorder = useReorderResults(template.id);
  const [editing, setEditing] = useState<TaskResult | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaskResult | null>(null);
  const all = template.results;
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const staffName = (id: string) => staff.data?.items.find((s) => s.id === id)?.name;
  const crm = useQuery(crmSettingsQuery);
  const workday: Workday = {
    start: crm.data?.workdayStart ?? DEFAULT_WORKDAY_START,
    end: crm.data?.workdayEnd ?? null,
  };

  const submit = (values: ResultValues, setErrors: SetErrors) => {
    const done = {
      onSuccess: (r: TaskResult) => {
        setEditing(null);
        notifySaved(t('results.saved', { name: r.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    const body = resultBody(values);
    if (editing === 'new') create.mutate({ templateId: template.id, ...body }, done);
    else if (editing) update.mutate({ templateId: template.id, id: editing.id, ...body }, done);
  };

  const setArchived = useSetArchived(update, undefined, (r: TaskResult, archived) => ({
    templateId: template.id,
    id: r.id,
    archived,
  }));

  const confirmDelete = (r: TaskResult) =>
    remove.mutate(
      { templateId: template.id, id: r.id },
      // The server keeps a result that completed tasks carry, archived, so they still show it.
      deletedOrArchived(t, 'results', r.name, () => setDeleting(null)),
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('results.intro')}
      </Text>
      <Group justify="space-between">
        <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="result-add"
        >
          {t('results.addButton')}
        </Button>
      </Group>
      {items.length === 0 && (
        <EmptyState
          icon={<IconListCheck size={28} />}
          title={t('results.emptyTitle')}
          text={t('results.emptyText')}
          action={{ label: t('results.addButton'), onClick: () => setEditing('new') }}
        />
      )}
      {items.map((r, i) => (
        <Paper key={r.id} withBorder radius="md" p="sm" data-testid={`result-row-${r.name}`}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <EntryOrderButtons entry={r} index={i} items={items} all={all} reorder={reorder} />
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs">
                <EntryBadge entry={r} />
                {r.archived && <ArchivedBadge archived />}
              </Group>
              {r.fields.length > 0 && (
                <Text size="xs">
                  <Text span size="xs" c="dimmed">
                    {t('results.fieldsLine')}{' '}
                  </Text>
                  {fieldsText(r.fields)}
                </Text>
              )}
              <Text size="xs" data-testid="result-next">
                <Text span size="xs" c="dimmed">
                  {t('results.nextLine')}{' '}
                </Text>
                {r.next
                  ? nextStepText(t, r.next, {
                      templates: props.templates,
                      fields: r.fields,
                      staffName,
                      workdayStart: formatClock(workday.start),
                    })
                  : t('results.noNext')}
              </Text>
            </Stack>
            <EntryRowActions
              entry={r}
              onEdit={() => setEditing(r)}
              onArchive={(archived) => setArchived(r, archived)}
              onDelete={() => setDeleting(r)}
            />
          </Group>
        </Paper>
      ))}

      <ResultModal
        opened={editing !== null}
        result={editing === 'new' ? null : editing}
        templateName={template.name}
        templates={props.templates}
        dictionaries={dictionaries.data?.items ?? []}
        timezone={props.timezone}
        workday={workday}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('results.deleteTitle')}
        message={t('results.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

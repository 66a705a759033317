import { Group, Text } from '@mantine/core';
import type { Me, TaskTemplate } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { ArchivedToggle } from '../../crm/components/archived-toggle.tsx';
import { DeleteDialog } from '../../crm/components/delete-dialog.tsx';
import { useArchivedFilter } from '../../crm/components/entry-table.tsx';
import { notifySaved, showFailure, type SetErrors } from '../../crm/components/feedback.ts';
import { SettingsSkeleton } from '../../settings/components/settings-skeleton.tsx';
import {
  useCreateTemplate,
  useDeleteTemplate,
  useReorderTaskSettings,
  useTemplates,
  useUpdateTemplate,
} from '../api/task-settings-api.ts';
import { notifyDeleted } from '../components/deleted-feedback.ts';
import { ResultsDrawer } from '../components/results-drawer.tsx';
import {
  templateBody,
  templateFieldErrors,
  type TemplateValues,
} from '../components/template-form.ts';
import { TemplateModal, type TemplateTarget } from '../components/template-modal.tsx';
import { TemplatesTable } from '../components/templates-table.tsx';

/** Task templates grouped by type (T-2, T-3), each with its results and workflow (T-4, T-5). */
export function TaskTemplatesPage({ me }: { me: Me }) {
  const { t } = useTranslation('taskSettings');
  const templates = useTemplates();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const remove = useDeleteTemplate();
  const reorder = useReorderTaskSettings('task-templates');
  const [editing, setEditing] = useState<TemplateTarget | null>(null);
  const [deleting, setDeleting] = useState<TaskTemplate | null>(null);
  const [resultsOf, setResultsOf] = useState<string | null>(null);

  const all = templates.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const editingId = editing && 'template' in editing ? editing.template.id : null;

  const save = (values: TemplateValues, version: number | undefined, setErrors?: SetErrors) => {
    const done = {
      onSuccess: (saved: TaskTemplate) => {
        setEditing(null);
        notifySaved(t('templates.saved', { name: saved.name }));
      },
      onError: (err: unknown) => {
        if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
        else showFailure(err, setErrors && ((e) => setErrors(templateFieldErrors(e))));
      },
    };
    const { type: _type, ...body } = templateBody(values);
    if (editingId) update.mutate({ id: editingId, ...body, version }, done);
    else create.mutate(templateBody(values), done);
  };

  const conflict = useVersionConflict({
    refetch: async () => {
      const latest = await templates.refetch();
      return { data: latest.data?.items.find((x) => x.id === editingId) };
    },
    reset: (latest: TaskTemplate) => setEditing({ template: latest }),
    save: (values: TemplateValues, version) => save(values, version),
  });

  const setArchived = (tpl: TaskTemplate, archived: boolean) =>
    update.mutate(
      { id: tpl.id, archived, version: tpl.version },
      {
        onSuccess: () =>
          notifySaved(
            t(archived ? 'crm:archived.archivedOne' : 'crm:archived.restoredOne', {
              name: tpl.name,
            }),
          ),
        onError: (err) => showFailure(err),
      },
    );

  const confirmDelete = (tpl: TaskTemplate) =>
    remove.mutate(tpl.id, {
      onSuccess: (res) => {
        setDeleting(null);
        notifyDeleted(res, {
          deleted: t('templates.deleted', { name: tpl.name }),
          archivedTitle: t('templates.archivedInsteadTitle', { name: tpl.name }),
          archivedText: t('templates.archivedInsteadText'),
        });
      },
      onError: (err) => {
        setDeleting(null);
        showFailure(err);
      },
    });

  const resultsTemplate = all.find((x) => x.id === resultsOf) ?? null;

  return (
    <>
      <Group justify="space-between" mb="xs" gap="sm">
        <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
      </Group>
      <Text size="sm" c="dimmed" maw={760} mb="md">
        {t('templates.intro')}
      </Text>
      {templates.isPending && <SettingsSkeleton />}
      {templates.isError && (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.isSuccess && (
        <TemplatesTable
          items={items}
          all={all}
          reorder={reorder}
          onAdd={(type) => setEditing({ type })}
          onEdit={(tpl) => setEditing({ template: tpl })}
          onResults={(tpl) => setResultsOf(tpl.id)}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <TemplateModal
        target={editing}
        callTemplates={all.filter((x) => x.type === 'call')}
        loading={create.isPending || update.isPending}
        onSubmit={(values, setErrors) =>
          save(
            values,
            editing && 'template' in editing ? editing.template.version : undefined,
            setErrors,
          )
        }
        onClose={() => setEditing(null)}
      />
      <ResultsDrawer
        template={resultsTemplate}
        templates={all}
        timezone={me.organization.timezone}
        onClose={() => setResultsOf(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('templates.deleteTitle')}
        message={t('templates.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
      <VersionConflictModal
        opened={conflict.conflict !== null}
        onClose={conflict.dismiss}
        onReload={() => void conflict.reload()}
        onOverwrite={() => void conflict.overwrite()}
        labels={{
          title: t('conflict.title'),
          text: t('conflict.text'),
          reload: t('conflict.reload'),
          overwrite: t('conflict.overwrite'),
        }}
      />
    </>
  );
}

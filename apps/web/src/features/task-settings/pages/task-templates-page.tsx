import type { Me, TaskTemplate } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VersionConflictDialog } from '../../../components/version-conflict.tsx';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { EntryListHeader, ListQueryStates } from '../../../components/settings/entry-list.tsx';
import { useArchivedFilter, useSetArchived } from '../../../components/settings/entry-table.tsx';
import { notifySaved } from '../../../lib/feedback.ts';
import {
  useCreateTemplate,
  useDeleteTemplate,
  useReorderTaskSettings,
  useTemplates,
  useUpdateTemplate,
} from '../api/task-settings-api.ts';
import { deletedOrArchived } from '../components/deleted-feedback.ts';
import { ResultsDrawer } from '../components/results-drawer.tsx';
import {
  templateBody,
  templateFieldErrors,
  type TemplateValues,
} from '../components/template-form.ts';
import { TemplateModal, type TemplateTarget } from '../components/template-modal.tsx';
import { TemplatesTable } from '../components/templates-table.tsx';
import { useVersionedSave } from '../components/use-versioned-save.ts';

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
  const { submit, conflict } = useVersionedSave({
    editing: editing && 'template' in editing ? editing.template : null,
    refetch: templates.refetch,
    reload: (latest) => setEditing({ template: latest }),
    create: (values: TemplateValues, callbacks) => create.mutate(templateBody(values), callbacks),
    update: (values, target, callbacks) => {
      // The type is fixed once created.
      const { type: _type, ...body } = templateBody(values);
      update.mutate({ ...target, ...body }, callbacks);
    },
    onSaved: (saved) => {
      setEditing(null);
      notifySaved(t('templates.saved', { name: saved.name }));
    },
    fieldErrors: templateFieldErrors,
  });

  const setArchived = useSetArchived(update, undefined, (tpl: TaskTemplate, archived) => ({
    id: tpl.id,
    archived,
    version: tpl.version,
  }));

  const confirmDelete = (tpl: TaskTemplate) =>
    remove.mutate(
      tpl.id,
      deletedOrArchived(t, 'templates', tpl.name, () => setDeleting(null)),
    );

  const resultsTemplate = all.find((x) => x.id === resultsOf) ?? null;

  return (
    <>
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        intro={t('templates.intro')}
      />
      <ListQueryStates query={templates} />
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
        onSubmit={submit}
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
      <VersionConflictDialog state={conflict} ns="taskSettings" />
    </>
  );
}

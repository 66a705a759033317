import { Group, Table, Text } from '@mantine/core';
import type { ContactKind, CustomField, Me } from '@spotter/contracts';
import { IconForms } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import {
  useCreateCustomField,
  useCustomFieldList,
  useDeleteCustomField,
  useUpdateCustomField,
} from '../api/custom-fields-api.ts';
import { useReorder } from '../api/reorder-api.ts';
import { optionsBody, type CustomFieldValues } from '../components/custom-field-form.ts';
import { CustomFieldModal } from '../components/custom-field-modal.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import { EntityArchivedControls } from '../components/entity-control.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { closeThen, notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';

/** At most this many option badges in the table; the rest are counted. */
const SHOWN_OPTIONS = 6;

/** Custom fields ("CRM variables", C-7) per entity: text, money, date, number, dropdown. */
export function CustomFieldsPage({ me }: { me: Me }) {
  const { t } = useTranslation('crm');
  const [entity, setEntity] = useState<ContactKind>('person');
  const fields = useCustomFieldList(entity);
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const remove = useDeleteCustomField();
  const reorder = useReorder('/api/settings/custom-fields');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const all = fields.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);

  const setArchived = useSetArchived(update);

  const submit = (values: CustomFieldValues, setErrors: SetErrors) => {
    const done = {
      onSuccess: (f: CustomField) => {
        setEditing(null);
        notifySaved(t('customFields.saved', { name: f.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    const options = optionsBody(values);
    if (editing === 'new') {
      create.mutate({ entity, name: values.name, type: values.type, options }, done);
    } else if (editing) {
      update.mutate(
        {
          id: editing.id,
          name: values.name,
          ...(editing.type === 'dropdown' ? { options } : {}),
        },
        done,
      );
    }
  };

  const confirmDelete = (field: CustomField) =>
    remove.mutate(
      field.id,
      closeThen(
        () => setDeleting(null),
        () => notifySaved(t('customFields.deleted', { name: field.name })),
      ),
    );

  return (
    <>
      <EntryListHeader
        controls={
          <EntityArchivedControls
            entity={entity}
            onEntityChange={setEntity}
            archivedCount={archivedCount}
            showArchived={showArchived}
            onShowArchivedChange={setShowArchived}
          />
        }
        add={{
          label: t('customFields.add'),
          testId: 'custom-field-add',
          onClick: () => setEditing('new'),
        }}
        intro={t(entity === 'person' ? 'customFields.introPerson' : 'customFields.introCompany')}
      />
      <EntryListStates
        query={fields}
        empty={items.length === 0}
        icon={<IconForms size={28} />}
        title={t('customFields.emptyTitle')}
        text={t('customFields.emptyText')}
        addLabel={t('customFields.add')}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="custom-fields-table"
          minWidth={560}
          columns={
            <>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.type')}</Table.Th>
              <Table.Th>{t('customFields.options')}</Table.Th>
            </>
          }
          items={items}
          order={{ all, reorder }}
          rowTestId={(f) => `custom-field-row-${f.name}`}
          cells={(f) => (
            <>
              <Table.Td fw={500}>{f.name}</Table.Td>
              <Table.Td>
                {t(`customFields.types.${f.type}`)}
                {f.type === 'money' && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    ({me.organization.currency})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {f.type === 'dropdown' ? (
                  <Group gap={4}>
                    {f.options.slice(0, SHOWN_OPTIONS).map((o) => (
                      <ColorBadge
                        key={o.id}
                        name={o.name}
                        color={o.color}
                        background={o.background}
                      />
                    ))}
                    {f.options.length > SHOWN_OPTIONS && (
                      <Text size="xs" c="dimmed">
                        {t('customFields.moreOptions', {
                          count: f.options.length - SHOWN_OPTIONS,
                        })}
                      </Text>
                    )}
                  </Group>
                ) : (
                  <Text c="dimmed">—</Text>
                )}
              </Table.Td>
            </>
          )}
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <CustomFieldModal
        opened={editing !== null}
        field={editing === 'new' ? null : editing}
        currency={me.organization.currency}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('customFields.deleteTitle')}
        message={t('customFields.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

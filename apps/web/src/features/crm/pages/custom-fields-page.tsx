import { Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ContactKind, CustomField, Me } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconForms,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { SettingsSkeleton } from '../../settings/components/settings-skeleton.tsx';
import {
  useCreateCustomField,
  useCustomFieldList,
  useDeleteCustomField,
  useUpdateCustomField,
} from '../api/custom-fields-api.ts';
import { useReorder } from '../api/reorder-api.ts';
import { ArchivedBadge } from '../components/archived-badge.tsx';
import { ArchivedToggle } from '../components/archived-toggle.tsx';
import { optionsBody, type CustomFieldValues } from '../components/custom-field-form.ts';
import { CustomFieldModal } from '../components/custom-field-modal.tsx';
import { EntityControl } from '../components/entity-control.tsx';
import { notifySaved, showFailure, type SetErrors } from '../components/feedback.ts';
import { OrderButtons } from '../components/order-buttons.tsx';
import { reorderPatches } from '../components/reorder.ts';

/** At most this many option badges in the table; the rest are counted. */
const SHOWN_OPTIONS = 6;

/** Custom fields ("CRM variables", C-7) per entity: text, money, date, number, dropdown. */
export function CustomFieldsPage({ me }: { me: Me }) {
  const { t } = useTranslation('crm');
  const [entity, setEntity] = useState<ContactKind>('person');
  const [showArchived, setShowArchived] = useState(false);
  const fields = useCustomFieldList(entity);
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const remove = useDeleteCustomField();
  const reorder = useReorder('/api/settings/custom-fields');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const all = fields.data?.items ?? [];
  const archivedCount = all.filter((f) => f.archived).length;
  const items = showArchived ? all : all.filter((f) => !f.archived);

  const setArchived = (field: CustomField, archived: boolean) =>
    update.mutate(
      { id: field.id, archived },
      {
        onSuccess: () =>
          notifySaved(
            t(archived ? 'archived.archivedOne' : 'archived.restoredOne', { name: field.name }),
          ),
        onError: (err) => showFailure(err),
      },
    );

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
    remove.mutate(field.id, {
      onSuccess: () => {
        setDeleting(null);
        notifySaved(t('customFields.deleted', { name: field.name }));
      },
      onError: (err) => {
        setDeleting(null);
        showFailure(err);
      },
    });

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="md">
          <EntityControl value={entity} onChange={setEntity} />
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        </Group>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="custom-field-add"
        >
          {t('customFields.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(entity === 'person' ? 'customFields.introPerson' : 'customFields.introCompany')}
      </Text>

      {fields.isPending && <SettingsSkeleton />}
      {fields.isError && <QueryError error={fields.error} onRetry={() => void fields.refetch()} />}
      {fields.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconForms size={28} />}
          title={t('customFields.emptyTitle')}
          text={t('customFields.emptyText')}
          action={{ label: t('customFields.add'), onClick: () => setEditing('new') }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="custom-fields-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('fields.order')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.type')}</Table.Th>
                  <Table.Th>{t('customFields.options')}</Table.Th>
                  <Table.Th>{t('fields.state')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f, i) => (
                  <Table.Tr key={f.id} data-testid={`custom-field-row-${f.name}`}>
                    <Table.Td>
                      <OrderButtons
                        name={f.name}
                        first={i === 0}
                        last={i === items.length - 1}
                        disabled={reorder.isPending}
                        onMove={(step) =>
                          reorder.mutate(
                            reorderPatches(
                              all,
                              items.map((x) => x.id),
                              f.id,
                              step,
                            ),
                            { onError: (err) => showFailure(err) },
                          )
                        }
                      />
                    </Table.Td>
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
                    <Table.Td>
                      <ArchivedBadge archived={f.archived} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('actions.actionsFor', { name: f.name })}
                        actions={[
                          {
                            label: t('actions.edit'),
                            icon: <IconPencil size={16} />,
                            onClick: () => setEditing(f),
                          },
                          f.archived
                            ? {
                                label: t('actions.restore'),
                                icon: <IconArchiveOff size={16} />,
                                onClick: () => setArchived(f, false),
                              }
                            : {
                                label: t('actions.archive'),
                                icon: <IconArchive size={16} />,
                                onClick: () => setArchived(f, true),
                              },
                          {
                            label: t('actions.delete'),
                            icon: <IconTrash size={16} />,
                            onClick: () => setDeleting(f),
                            danger: true,
                          },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <CustomFieldModal
        opened={editing !== null}
        field={editing === 'new' ? null : editing}
        currency={me.organization.currency}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('customFields.deleteTitle')}
        message={t('customFields.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('actions.delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

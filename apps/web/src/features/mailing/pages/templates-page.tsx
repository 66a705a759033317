import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Locale, MailTemplate } from '@spotter/contracts';
import { IconMailPlus, IconPencil, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useDeleteMailTemplate, useMailTemplates } from '../api/templates-api.ts';
import { TemplateEditor } from '../components/template-editor.tsx';

/** Mailing → Templates tab (M-1): the club's mail texts, each in one or more languages. */
export function MailTemplatesPage(props: { locale: Locale; timezone: string }) {
  const { t, i18n } = useTranslation('mailing');
  const templates = useMailTemplates();
  const remove = useDeleteMailTemplate();
  const [editing, setEditing] = useState<MailTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MailTemplate | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeZone: props.timezone,
  });

  const newButton = (
    <Button leftSection={<IconMailPlus size={16} />} onClick={() => setEditing('new')}>
      {t('new')}
    </Button>
  );
  return (
    <>
      {/* The section's title and tabs are the mailing layout's; this tab says what it holds. */}
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Text c="dimmed" size="sm" maw={620}>
          {t('description')}
        </Text>
        {newButton}
      </Group>
      {templates.isPending && <SettingsSkeleton />}
      {templates.isError && (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.data?.items.length === 0 && (
        <EmptyState
          icon={<IconTemplate size={26} />}
          title={t('emptyTitle')}
          text={t('emptyText')}
          action={{ label: t('new'), onClick: () => setEditing('new') }}
        />
      )}
      {templates.data && templates.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="templates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('languages')}</Table.Th>
                <Table.Th>{t('updated')}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((tpl) => (
                <Table.Tr key={tpl.id}>
                  <Table.Td>
                    <Text
                      component="button"
                      type="button"
                      fw={500}
                      onClick={() => setEditing(tpl)}
                      style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                    >
                      {tpl.name}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {tpl.variants[0]?.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {tpl.variants.map((v) => (
                        <Badge
                          key={v.locale}
                          variant="light"
                          color="gray"
                          title={LANGUAGE_NAMES[v.locale]}
                        >
                          {v.locale}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{date.format(new Date(tpl.updatedAt))}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('edit')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('edit')}
                          onClick={() => setEditing(tpl)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('delete')}
                          onClick={() => setDeleting(tpl)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          opened
          template={editing === 'new' ? null : editing}
          defaultLocale={props.locale}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('deleteTitle')}
        message={t('deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => setDeleting(null),
            onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
          })
        }
      />
    </>
  );
}

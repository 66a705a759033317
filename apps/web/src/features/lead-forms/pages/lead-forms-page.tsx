import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { LOCALES, type LeadForm, type Locale } from '@spotter/contracts';
import {
  IconCode,
  IconExternalLink,
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
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { closeThen, notifySaved } from '../../../lib/feedback.ts';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { useDeleteLeadForm, useLeadForms } from '../api/lead-forms-api.ts';
import { EmbedDialog } from '../components/embed-dialog.tsx';
import { LeadFormEditor } from '../components/lead-form-editor.tsx';

/**
 * Settings → Lead forms (issue 13): forms for the club's website; each submission becomes a
 * lead with a task. Spotter serves each form at its own address, to link or to embed.
 */
export function LeadFormsPage(props: { orgLocale: Locale }) {
  const { t } = useTranslation('leadForms');
  const forms = useLeadForms();
  const remove = useDeleteLeadForm();
  const [editing, setEditing] = useState<LeadForm | null | undefined>(undefined);
  const [embedding, setEmbedding] = useState<LeadForm | null>(null);
  const [deleting, setDeleting] = useState<LeadForm | null>(null);
  const items = forms.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start" wrap="nowrap" gap="md">
        <Text c="dimmed" size="sm" maw={600}>
          {t('intro')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing(null)}
          style={{ flexShrink: 0 }}
          data-testid="add-lead-form"
        >
          {t('add')}
        </Button>
      </Group>
      {forms.isPending && <SettingsSkeleton />}
      {forms.isError && <QueryError error={forms.error} onRetry={() => void forms.refetch()} />}
      {forms.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconForms size={28} />}
          title={t('emptyTitle')}
          text={t('emptyText')}
          action={{ label: t('add'), onClick: () => setEditing(null) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" data-testid="lead-forms-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('editor.name')}</Table.Th>
                  <Table.Th>{t('editor.languages')}</Table.Th>
                  <Table.Th>{t('page')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} data-testid="lead-form-row">
                    <Table.Td>
                      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {f.name}
                      </Text>
                      {!f.enabled && (
                        <Badge variant="light" color="gray" size="sm" tt="none" mt={2}>
                          {t('off')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {LOCALES.filter((l) => f.texts[l])
                          .map((l) => LANGUAGE_NAMES[l])
                          .join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={`/f/${f.publicId}`}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                        data-testid="lead-form-link"
                      >
                        {t('openPage')} <IconExternalLink size={12} style={{ verticalAlign: -1 }} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          leftSection={<IconCode size={14} />}
                          onClick={() => setEmbedding(f)}
                          data-testid="lead-form-embed"
                        >
                          {t('embed.button')}
                        </Button>
                        <RowActions
                          label={`${t('actions')}: ${f.name}`}
                          actions={[
                            {
                              label: t('edit'),
                              icon: <IconPencil size={16} />,
                              onClick: () => setEditing(f),
                            },
                            {
                              label: t('delete'),
                              icon: <IconTrash size={16} />,
                              danger: true,
                              onClick: () => setDeleting(f),
                            },
                          ]}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {forms.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={forms.isFetchingNextPage}
            onClick={() => void forms.fetchNextPage()}
          >
            {t('more')}
          </Button>
        </Group>
      )}
      <LeadFormEditor
        opened={editing !== undefined}
        form={editing ?? null}
        orgLocale={props.orgLocale}
        onClose={() => setEditing(undefined)}
        onSaved={(saved, created) => {
          setEditing(undefined);
          if (created) setEmbedding(saved);
        }}
      />
      <EmbedDialog form={embedding} onClose={() => setEmbedding(null)} />
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
          remove.mutate(
            deleting.id,
            closeThen(
              () => setDeleting(null),
              () => notifySaved(t('deleted')),
            ),
          )
        }
      />
    </>
  );
}

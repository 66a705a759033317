import { Grid, Modal, Skeleton, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ContactKind, CustomField, Duplicate, Me } from '@spotter/contracts';
import { IconArrowsJoin, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { showUndoToast } from '../../../components/undo-toast.tsx';
import { MessagePage } from '../../../components/message-page.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useCustomFields } from '../../../lib/crm-reference.ts';
import { errorMessage } from '../../../lib/validation.ts';
import {
  createdDuplicatesKey,
  useContact,
  useDeleteContact,
  useRestoreContact,
  type ContactByKind,
} from '../api/contact-api.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { ContactHeader, type HeaderAction } from './contact-header.tsx';
import { DuplicateAlert } from './duplicate-alert.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { NoteBox } from './note-box.tsx';
import { usePhoneRegion } from './phone-region.ts';
import { useContactSave, type ContactChange } from './use-contact-save.ts';

export interface EditFormArgs<K extends ContactKind> {
  contact: ContactByKind[K];
  /** The phone region the contact's numbers are shown in when the form opens. */
  region: string | null;
  /** What an edit form is given whatever its kind. */
  formProps: {
    customFields: CustomField[];
    currency: string;
    editingId: string;
    /** Rejects with field errors for the form; a conflict opens the dialog instead. */
    onSubmit: (body: ContactChange<K>) => Promise<unknown>;
    onCancel: () => void;
  };
}

/** What a person page and a company page have in common: header, history, edit, merge, delete. */
export function ContactPageShell<K extends ContactKind>(props: {
  kind: K;
  me: Me;
  id: string;
  details: (contact: ContactByKind[K]) => ReactNode;
  editForm: (args: EditFormArgs<K>) => ReactNode;
  extraActions?: (contact: ContactByKind[K]) => (HeaderAction | false)[];
  subtitle?: (contact: ContactByKind[K]) => ReactNode;
  banner?: (contact: ContactByKind[K]) => ReactNode;
}) {
  const { t } = useTranslation('card');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const contact = useContact(props.kind, props.id);
  const saver = useContactSave(props.kind, props.id);
  const remove = useDeleteContact(props.kind, props.id);
  const restore = useRestoreContact(props.kind, props.id);
  const customFields = useCustomFields(props.kind).data?.items ?? [];
  const region = usePhoneRegion();
  const fullScreenEdit = useMediaQuery('(max-width: 48em)');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [merging, setMerging] = useState(false);
  const createdDuplicates = useQuery<Duplicate[]>({
    queryKey: createdDuplicatesKey(props.kind, props.id),
    queryFn: () => [],
    enabled: false,
    staleTime: Infinity,
  });
  const isAdmin = props.me.permissions.includes('contacts.admin');
  const listPath = props.kind === 'person' ? '/persons' : '/companies';
  const timeZone = props.me.organization.timezone;

  if (contact.isPending) return <Skeleton height={320} />;
  if (contact.isError) {
    if (isApiError(contact.error) && contact.error.status === 404) {
      return (
        <MessagePage
          icon={<IconUserQuestion size={28} />}
          title={t(`notFound.title_${props.kind}`)}
          message={t('notFound.text')}
          action={{
            label: t(`notFound.back_${props.kind}`),
            onClick: () => void navigate({ to: listPath }),
          }}
          testId="contact-not-found"
        />
      );
    }
    return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  const c = contact.data;
  const close = () => setEditing(false);

  const doDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        showUndoToast({
          message: t('delete.done', { name: c.displayName }),
          undo: async () => {
            await restore();
            void (props.kind === 'person'
              ? navigate({ to: '/persons/$personId', params: { personId: props.id } })
              : navigate({ to: '/companies/$companyId', params: { companyId: props.id } }));
            return t('delete.restored', { name: c.displayName });
          },
        });
        void navigate({ to: listPath });
      },
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
    });

  const actions: (HeaderAction | false)[] = [
    ...(props.extraActions?.(c) ?? []),
    isAdmin && {
      label: t('merge.action'),
      icon: <IconArrowsJoin size={16} />,
      onClick: () => setMerging(true),
      testId: props.kind === 'person' ? 'merge-person' : 'merge-company',
    },
    {
      label: t('delete.action'),
      icon: <IconTrash size={16} />,
      onClick: () => setDeleting(true),
      danger: true,
      testId: props.kind === 'person' ? 'delete-person' : 'delete-company',
    },
  ];

  return (
    <>
      <ContactHeader
        kind={props.kind}
        contact={c}
        onStatusChange={(statusId) => void saver.quickSave({ statusId } as never)}
        onEdit={() => setEditing(true)}
        actions={actions}
        subtitle={props.subtitle?.(c)}
      />
      <Stack gap="md" mb="md">
        {props.banner?.(c)}
        <DuplicateAlert
          items={createdDuplicates.data ?? []}
          onClose={() => qc.setQueryData(createdDuplicatesKey(props.kind, props.id), [])}
        />
      </Stack>
      {/*
        Side by side on a desktop; one column on a tablet, history first: it is what reception
        reads most, and the header above already offers the call and the email.
      */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          {props.details(c)}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="sm" data-testid="contact-history">
            <Title order={4}>{t('history.title')}</Title>
            <NoteBox kind={props.kind} id={props.id} />
            <HistoryTimeline kind={props.kind} id={props.id} timeZone={timeZone} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal
        opened={editing}
        onClose={close}
        title={t(`edit.title_${props.kind}`)}
        size="80rem"
        fullScreen={fullScreenEdit}
      >
        {editing && (
          <div key={saver.generation}>
            {props.editForm({
              contact: c,
              region,
              formProps: {
                customFields,
                currency: props.me.organization.currency,
                editingId: c.id,
                onSubmit: (body) => saver.save(body, close),
                onCancel: close,
              },
            })}
          </div>
        )}
      </Modal>
      <ConflictDialog {...saver.conflict} />
      <ConfirmDialog
        opened={deleting}
        title={t('delete.title')}
        message={t('delete.text', { name: c.displayName })}
        confirmLabel={t('delete.confirm')}
        danger
        loading={remove.isPending}
        onConfirm={doDelete}
        onClose={() => setDeleting(false)}
      />
      {isAdmin && (
        <MergeDialog
          kind={props.kind}
          target={c}
          opened={merging}
          timeZone={timeZone}
          onClose={() => setMerging(false)}
        />
      )}
    </>
  );
}

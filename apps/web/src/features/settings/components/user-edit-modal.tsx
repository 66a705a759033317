import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { userUpdateSchema, type User, type UserUpdate } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { UserTwoStepSection } from '../../two-step/index.ts';
import { useBranches } from '../api/branches-api.ts';
import { useUpdateUser } from '../api/users-api.ts';
import { roleOptions } from './role-options.ts';

type FormValues = Required<Pick<UserUpdate, 'name' | 'role' | 'active' | 'branchIds'>>;

/** Opened with a user; `isSelf` locks what nobody may change about themselves. */
export function UserEditModal(props: { user: User; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const update = useUpdateUser();
  const branches = useBranches(true);
  const [confirmDeactivate, setConfirmDeactivate] = useState(false);
  const form = useForm<FormValues>({
    initialValues: {
      name: props.user.name,
      role: props.user.role,
      active: props.user.active,
      branchIds: props.user.branchIds,
    },
    validate: zod4Resolver(userUpdateSchema),
  });

  const save = (values: FormValues) =>
    update.mutate(
      { id: props.user.id, ...values },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'teal', message: t('users.saved', { name: u.name }) });
          props.onClose();
        },
        onError: (err) => {
          setConfirmDeactivate(false);
          form.setErrors(serverFieldErrors(err));
        },
      },
    );

  const submit = form.onSubmit((values) => {
    if (props.user.active && !values.active) setConfirmDeactivate(true);
    else save(values);
  });

  const branchData = (branches.data?.items ?? [])
    .filter((b) => !b.archived || props.user.branchIds.includes(b.id))
    .map((b) => ({
      value: b.id,
      label: b.archived ? `${b.name} (${t('branches.statusArchived')})` : b.name,
    }));
  const failure =
    update.isError && Object.keys(serverFieldErrors(update.error)).length === 0
      ? errorMessage(update.error)
      : undefined;

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('users.edit', { name: props.user.name })}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {failure}
            </Alert>
          )}
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('users.email')} value={props.user.email} readOnly disabled />
          <Select
            label={t('users.role')}
            data={roleOptions(t)}
            allowDeselect={false}
            disabled={props.isSelf}
            description={props.isSelf ? t('users.selfHint') : undefined}
            data-testid="edit-role"
            {...form.getInputProps('role')}
          />
          <MultiSelect
            label={t('users.branches')}
            description={t('users.branchesHint')}
            placeholder={t('users.allBranches')}
            data={branchData}
            searchable
            clearable
            {...form.getInputProps('branchIds')}
          />
          <Switch
            label={t('users.active')}
            description={t('users.activeHint')}
            disabled={props.isSelf}
            data-testid="edit-active"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <UserTwoStepSection user={props.user} isSelf={props.isSelf} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="edit-save">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmDeactivate}
        title={t('users.deactivateTitle')}
        message={t('users.deactivateText', { name: props.user.name })}
        confirmLabel={t('users.deactivate')}
        danger
        loading={update.isPending}
        onConfirm={() => save(form.getValues())}
        onClose={() => setConfirmDeactivate(false)}
      />
    </Modal>
  );
}

import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { branchCreateSchema, type BranchCreate } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Adding a branch and renaming one ask for the same thing: a name. */
export function BranchNameModal(props: {
  opened: boolean;
  title: string;
  initialName?: string;
  loading: boolean;
  onSubmit: (name: string, setErrors: (errors: Record<string, string>) => void) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('settings');
  const form = useForm<BranchCreate>({
    initialValues: { name: props.initialName ?? '' },
    validate: zod4Resolver(branchCreateSchema),
  });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (props.opened) {
      setValues({ name: props.initialName ?? '' });
      resetDirty({ name: props.initialName ?? '' });
      clearErrors();
    }
    // Only when the dialog opens: the form object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, props.initialName]);

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <form onSubmit={form.onSubmit((v) => props.onSubmit(v.name, form.setErrors))} noValidate>
        <Stack>
          <TextInput
            label={t('branches.name')}
            placeholder={t('branches.namePlaceholder')}
            required
            data-autofocus
            data-testid="branch-name"
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={props.loading} data-testid="branch-save">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

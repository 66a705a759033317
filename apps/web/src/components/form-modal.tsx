import { Button, Group, Modal, Stack, TextInput, type ModalProps } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetErrors } from '../lib/feedback.ts';

interface ResettableForm<V> {
  setValues: (values: V) => void;
  resetDirty: (values: V) => void;
  clearErrors: () => void;
}

/** Fills the form with `values(source)` each time the dialog opens (or its `source` changes). */
function useResetOnOpen<V, S>(
  form: ResettableForm<V>,
  opened: boolean,
  source: S,
  values: (source: S) => V,
) {
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const initial = values(source);
    setValues(initial);
    resetDirty(initial);
    clearErrors();
    // Only when the dialog opens: the form object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, source]);
}

/**
 * The form of a dialog that adds or edits `source` (null: a new one): checked by a contract's
 * zod `schema`, refilled with `values(source)` each time the dialog opens.
 */
export function useDialogForm<V extends Record<string, unknown>, S>(opts: {
  opened: boolean;
  source: S;
  values: (source: S) => V;
  schema: Parameters<typeof zod4Resolver>[0];
}) {
  const form = useForm<V>({
    initialValues: opts.values(opts.source),
    validate: zod4Resolver(opts.schema),
  });
  useResetOnOpen(form, opts.opened, opts.source, opts.values);
  return form;
}

/** A centred dialog holding a form, its fields stacked above Cancel and the submit button. */
export function FormModal(props: {
  opened: boolean;
  title: ReactNode;
  size?: ModalProps['size'];
  loading: boolean;
  /** The submit button's data-testid. */
  saveTestId: string;
  /** "Save" unless told otherwise, e.g. "Create". */
  submitLabel?: string;
  submitDisabled?: boolean;
  /** The form element's data-testid. */
  formTestId?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      {...(props.size === undefined ? {} : { size: props.size })}
      centered
    >
      <form onSubmit={props.onSubmit} noValidate data-testid={props.formTestId}>
        <Stack>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={props.loading}
              disabled={props.submitDisabled}
              data-testid={props.saveTestId}
            >
              {props.submitLabel ?? t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The dialog of a named settings entry (a status, a list entry, a template's result …): its
 * name first, then the entry's own fields; the server's field errors land next to the field.
 */
export function NamedFormModal<V extends { name: string }>(props: {
  form: UseFormReturnType<V>;
  opened: boolean;
  title: ReactNode;
  size?: ModalProps['size'];
  loading: boolean;
  nameLabel: string;
  /** Names the name field's and Save button's data-testid: `<prefix>-name`, `<prefix>-save`. */
  testIdPrefix: string;
  onSubmit: (values: V, setErrors: SetErrors) => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { form } = props;
  return (
    <FormModal
      opened={props.opened}
      title={props.title}
      {...(props.size === undefined ? {} : { size: props.size })}
      loading={props.loading}
      saveTestId={`${props.testIdPrefix}-save`}
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <TextInput
        label={props.nameLabel}
        required
        data-autofocus
        data-testid={`${props.testIdPrefix}-name`}
        {...form.getInputProps('name')}
      />
      {props.children}
    </FormModal>
  );
}

import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useEffect, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ResettableForm<V> {
  setValues: (values: V) => void;
  resetDirty: (values: V) => void;
  clearErrors: () => void;
}

/** Fills the form with `values(source)` each time the dialog opens (or its `source` changes). */
export function useResetOnOpen<V, S>(
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

/** A centred dialog holding a form, its fields stacked above Cancel and Save. */
export function FormModal(props: {
  opened: boolean;
  title: ReactNode;
  size?: ModalProps['size'];
  loading: boolean;
  /** The Save button's data-testid. */
  saveTestId: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('crm');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      {...(props.size === undefined ? {} : { size: props.size })}
      centered
    >
      <form onSubmit={props.onSubmit} noValidate>
        <Stack>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={props.loading} data-testid={props.saveTestId}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

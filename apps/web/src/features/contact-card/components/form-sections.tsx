import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ContactKind, CustomField } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { CustomFieldInputs } from './custom-fields.tsx';
import { remapErrors, type CommonValues, type RowMap } from './form-values.ts';
import {
  BranchSelect,
  LookupMultiSelect,
  LookupSelect,
  StaffSelect,
  StatusSelect,
} from './reference-selects.tsx';

export function FormSection(props: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {props.title}
      </Title>
      <Stack gap="sm">{props.children}</Stack>
    </Paper>
  );
}

/** Two columns on a desktop, one on a tablet held upright (< 992 px). */
export function FormColumns(props: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
      {props.children}
    </SimpleGrid>
  );
}

/** Street, postal code, city, country under one path (`address`, `billingAddress` …). */
export function AddressFields<V extends CommonValues>(props: {
  form: UseFormReturnType<V>;
  path: string;
  testId: string;
}) {
  const { t } = useTranslation('card');
  const field = (key: string) => props.form.getInputProps(`${props.path}.${key}`);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('fields.street')}
        data-testid={`${props.testId}-street`}
        {...field('street')}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <TextInput label={t('fields.postalCode')} {...field('postalCode')} />
        <TextInput
          label={t('fields.city')}
          data-testid={`${props.testId}-city`}
          {...field('city')}
        />
        <TextInput label={t('fields.country')} {...field('country')} />
      </SimpleGrid>
    </Stack>
  );
}

/** Status, responsible, branch, tags, categories, source, products: the CRM's own fields. */
export function CrmFields<V extends CommonValues>(props: {
  form: UseFormReturnType<V>;
  kind: ContactKind;
  children?: ReactNode;
}) {
  const { t } = useTranslation('card');
  const { form, kind } = props;
  const values = form.getValues();
  const input = (path: string) => form.getInputProps(path);
  const multi = (
    lookup: 'tags' | 'categories' | 'products',
    key: 'tagIds' | 'categoryIds' | 'productIds',
    label: string,
  ) => (
    <LookupMultiSelect
      lookup={lookup}
      kind={kind}
      label={label}
      value={values[key]}
      onChange={(v) => form.setFieldValue(key, v as never)}
      error={form.errors[key]}
      testId={lookup}
    />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <StatusSelect
          kind={kind}
          label={t('fields.status')}
          testId="status"
          {...input('statusId')}
        />
        <StaffSelect
          label={t('fields.responsible')}
          testId="responsible"
          {...input('responsibleId')}
        />
        <BranchSelect label={t('fields.branch')} testId="branch" {...input('branchId')} />
        <LookupSelect
          lookup="sources"
          label={t('fields.source')}
          testId="source"
          {...input('sourceId')}
        />
        {props.children}
      </SimpleGrid>
      {multi('tags', 'tagIds', t('fields.tags'))}
      {multi('categories', 'categoryIds', t('fields.categories'))}
      {multi('products', 'productIds', t('fields.products'))}
    </>
  );
}

/** Custom fields ("Tilläggsinformation") and the free-text note. */
export function MoreFields<V extends CommonValues>(props: {
  form: UseFormReturnType<V>;
  fields: CustomField[];
  currency: string;
}) {
  const { t } = useTranslation('card');
  return (
    <FormSection title={t('sections.more')}>
      <CustomFieldInputs fields={props.fields} form={props.form} currency={props.currency} />
      <Textarea
        label={t('fields.note')}
        autosize
        minRows={2}
        maxRows={8}
        data-testid="note-field"
        {...props.form.getInputProps('note')}
      />
    </FormSection>
  );
}

/** The "a name, a phone or an email" rule broken: said above the form, not only by a field. */
export function FormErrorAlert(props: { message?: ReactNode }) {
  if (!props.message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="form-error">
      {props.message}
    </Alert>
  );
}

export function FormButtons(props: {
  onCancel?: () => void;
  submitting: boolean;
  saveLabel: string;
  testId: string;
}) {
  const { t } = useTranslation('card');
  return (
    <Group justify="flex-end">
      {props.onCancel && (
        <Button variant="default" onClick={props.onCancel} disabled={props.submitting}>
          {t('common:actions.cancel')}
        </Button>
      )}
      <Button type="submit" loading={props.submitting} data-testid={props.testId}>
        {props.saveLabel}
      </Button>
    </Group>
  );
}

/**
 * Sends a form: a rejected save puts the server's field errors next to their fields (keeping
 * what was typed) and says what went wrong. `send` handles what it can itself (409).
 */
export async function submitWithErrors(
  send: () => Promise<unknown>,
  rows: RowMap,
  setErrors: (errors: Record<string, string>) => void,
) {
  try {
    await send();
  } catch (err) {
    const fields = remapErrors(serverFieldErrors(err), rows);
    if (Object.keys(fields).length > 0) setErrors(fields);
    notifications.show({ color: 'red', message: errorMessage(err) });
  }
}

import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { can, ROLES, type LeadForm, type Locale } from '@spotter/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import {
  inScope,
  useBranchOptions,
  useCustomFields,
  useLookups,
} from '../../../lib/crm-reference.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useSaveLeadForm, useTaskTemplateOptions } from '../api/lead-forms-api.ts';
import { EditorTexts } from './editor-texts.tsx';
import {
  editorErrors,
  formValues,
  newFormValues,
  nextConsentId,
  toBody,
  type EditorValues,
} from './editor-values.ts';

const WORKING_ROLES = ROLES.filter((r) => can(r, 'tasks.write'));

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/** Builds a lead form or changes one: its fields, consents, texts, and what a submission does. */
export function LeadFormEditor(props: {
  opened: boolean;
  form: LeadForm | null;
  orgLocale: Locale;
  onClose: () => void;
  onSaved: (form: LeadForm, created: boolean) => void;
}) {
  const { t } = useTranslation('leadForms');
  const narrow = useMediaQuery('(max-width: 48em)');
  const custom = useCustomFields('person');
  const customFields = (custom.data?.items ?? []).filter((f) => !f.archived);
  const sources = useLookups('sources');
  const tags = useLookups('tags');
  const branches = useBranchOptions();
  const templates = useTaskTemplateOptions();
  const save = useSaveLeadForm();
  const form = useForm<EditorValues>({ initialValues: newFormValues(props.orgLocale, []) });

  const customIds = customFields.map((f) => f.id).join(',');
  // Filled when the dialog opens, and again when the custom fields arrive unless typed in.
  const seeded = useRef<string | null>(null);
  useEffect(() => {
    if (!props.opened) {
      seeded.current = null;
      return;
    }
    const key = `${props.form?.id ?? 'new'}:${props.form?.version ?? 0}`;
    if (seeded.current === key && form.isDirty()) return;
    seeded.current = key;
    const ids = customIds ? customIds.split(',') : [];
    const values = props.form ? formValues(props.form, ids) : newFormValues(props.orgLocale, ids);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // When the dialog opens (or the custom fields arrive), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, props.form, customIds]);

  const v = form.values;
  const labelOf = (key: string) =>
    key.startsWith('custom:')
      ? (customFields.find((f) => `custom:${f.id}` === key)?.name ?? key)
      : t(`fields.${key}`);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: props.form?.id, version: props.form?.version, body: toBody(values) },
      {
        onSuccess: (saved) => {
          notifySaved(t('editor.saved'));
          props.onSaved(saved, !props.form);
        },
        onError: (err) => showFailure(err, (fields) => form.setErrors(editorErrors(fields))),
      },
    ),
  );

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.form ? t('editor.editTitle') : t('editor.newTitle')}
      size="xl"
      fullScreen={narrow}
      centered
    >
      <form onSubmit={submit} noValidate data-testid="lead-form-editor">
        <Stack gap="lg">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('editor.name')}
              description={t('editor.nameHint')}
              required
              data-autofocus
              style={{ flex: 1, minWidth: 220 }}
              data-testid="form-name"
              {...form.getInputProps('name')}
            />
            <Switch
              label={t('editor.enabled')}
              mb={8}
              data-testid="form-enabled"
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
          </Group>

          <Section title={t('editor.fields')}>
            {form.errors.rows && <Alert color="red">{form.errors.rows}</Alert>}
            <Table verticalSpacing={6} data-testid="field-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('editor.field')}</Table.Th>
                  <Table.Th w={90}>{t('editor.shown')}</Table.Th>
                  <Table.Th w={110}>{t('editor.required')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.rows.map((row, i) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>{labelOf(row.key)}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('editor.showField', { field: labelOf(row.key) })}
                        data-testid={`show-${row.key}`}
                        {...form.getInputProps(`rows.${i}.shown`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('editor.requireField', { field: labelOf(row.key) })}
                        disabled={!row.shown}
                        data-testid={`require-${row.key}`}
                        {...form.getInputProps(`rows.${i}.required`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('editor.fieldsHint')}
            </Text>
          </Section>

          <Section title={t('editor.consents')}>
            {v.consents.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('editor.noConsents')}
              </Text>
            )}
            {v.consents.map((c, i) => (
              <Group key={c.id} align="flex-end" wrap="nowrap">
                <Select
                  label={t('editor.consentKind', { n: i + 1 })}
                  data={(['email', 'sms', 'terms'] as const).map((k) => ({
                    value: k,
                    label: t(`consentKinds.${k}`),
                  }))}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  data-testid={`consent-kind-${i}`}
                  {...form.getInputProps(`consents.${i}.kind`)}
                />
                <Checkbox
                  label={t('editor.required')}
                  mb={8}
                  data-testid={`consent-required-${i}`}
                  {...form.getInputProps(`consents.${i}.required`, { type: 'checkbox' })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  aria-label={t('editor.removeConsent', { n: i + 1 })}
                  onClick={() => form.removeListItem('consents', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                form.insertListItem('consents', {
                  id: nextConsentId(v.consents),
                  kind: 'terms',
                  required: false,
                })
              }
              data-testid="add-consent"
            >
              {t('editor.addConsent')}
            </Button>
          </Section>

          <Section title={t('editor.after')}>
            <Radio.Group {...form.getInputProps('after')}>
              <Group>
                <Radio value="text" label={t('editor.afterText')} data-testid="after-text" />
                <Radio
                  value="redirect"
                  label={t('editor.afterRedirect')}
                  data-testid="after-redirect"
                />
              </Group>
            </Radio.Group>
            {v.after === 'redirect' && (
              <TextInput
                label={t('editor.redirectUrl')}
                placeholder={t('editor.redirectPlaceholder')}
                required
                data-testid="redirect-url"
                {...form.getInputProps('redirectUrl')}
              />
            )}
          </Section>

          <Section title={t('editor.texts')}>
            <EditorTexts form={form} />
          </Section>

          <Divider />
          <Section title={t('editor.lead')}>
            <Select
              label={t('editor.source')}
              clearable
              data={(sources.data?.items ?? [])
                .filter((s) => !s.archived)
                .map((s) => ({ value: s.id, label: s.name }))}
              data-testid="form-source"
              {...form.getInputProps('sourceId')}
            />
            <MultiSelect
              label={t('editor.tags')}
              data={(tags.data?.items ?? [])
                .filter((x) => !x.archived && inScope(x, 'person'))
                .map((x) => ({ value: x.id, label: x.name }))}
              searchable
              data-testid="form-tags"
              {...form.getInputProps('tagIds')}
            />
            <Select
              label={t('editor.branch')}
              description={t('editor.branchHint')}
              clearable
              data={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
              {...form.getInputProps('branchId')}
            />
          </Section>

          <Section title={t('editor.task')}>
            <Select
              label={t('editor.template')}
              placeholder={t('editor.defaultTemplate')}
              clearable
              data={(templates.data?.items ?? [])
                .filter((x) => !x.archived && (x.type === 'call' || x.type === 'client'))
                .map((x) => ({ value: x.id, label: x.name }))}
              data-testid="form-template"
              {...form.getInputProps('templateId')}
            />
            <Select
              label={t('editor.assignee')}
              allowDeselect={false}
              data={(['template', 'user', 'turns'] as const).map((m) => ({
                value: m,
                label: t(`assigneeModes.${m}`),
              }))}
              data-testid="form-assignee-mode"
              {...form.getInputProps('assignee.mode')}
            />
            {v.assignee.mode === 'user' && (
              <StaffSelect
                label={t('editor.assigneeUser')}
                required
                testId="form-assignee-user"
                eligible={(s) => can(s.role, 'tasks.write')}
                {...form.getInputProps('assignee.userId')}
              />
            )}
            {v.assignee.mode === 'turns' && (
              <Select
                label={t('editor.assigneeRole')}
                description={t('editor.turnsHint')}
                placeholder={t('editor.anyRole')}
                clearable
                data={WORKING_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
                data-testid="form-assignee-role"
                {...form.getInputProps('assignee.role')}
              />
            )}
          </Section>

          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="form-save">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

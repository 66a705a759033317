import {
  Button,
  Group as Row,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { groupCreateSchema, type Group, type GroupTreeItem } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../../lib/crm-reference.ts';
import {
  bodyOf,
  formErrorsOf,
  parentChoices,
  TOP,
  valuesOf,
  type GroupValues,
} from './group-form.ts';

const validateBody = zod4Resolver(groupCreateSchema);

/** Creating and editing a group: name, description, type, where it sits, and who is in it. */
export function GroupModal(props: {
  opened: boolean;
  group: Group | null;
  /** A new sub-group starts under this one. */
  parentId?: string;
  tree: GroupTreeItem[];
  loading: boolean;
  onSubmit: (values: GroupValues, setErrors: (errors: Record<string, string>) => void) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('settings');
  const staff = useStaff();
  const form = useForm<GroupValues>({
    initialValues: valuesOf(props.group, props.parentId),
    validate: (values) => formErrorsOf(validateBody(bodyOf(values))),
  });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!props.opened) return;
    const initial = valuesOf(props.group, props.parentId);
    setValues(initial);
    resetDirty(initial);
    clearErrors();
    // Only when the dialog opens: the form object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, props.group, props.parentId]);

  const parents = useMemo(
    () => [
      { value: TOP, label: t('groups.topLevel') },
      ...parentChoices(props.tree, props.group).map((g) => ({
        value: g.id,
        // Indented like the tree, so a region's teams read as its teams.
        label: `${'\u2003'.repeat(g.depth)}${g.name}`,
      })),
    ],
    [props.tree, props.group, t],
  );
  const people = (staff.data?.items ?? []).filter(
    (s) => s.active || form.values.memberIds.includes(s.id),
  );
  const memberOptions = people.map((s) => ({
    value: s.id,
    label: `${s.name} · ${t(`common:roles.${s.role}`)}`,
  }));
  const managerOptions = people
    .filter((s) => form.values.memberIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.group ? t('groups.edit') : t('groups.add')}
      centered
      size="lg"
    >
      <form
        onSubmit={form.onSubmit((v) => props.onSubmit(v, form.setErrors))}
        noValidate
        data-testid="group-form"
      >
        <Stack>
          <TextInput
            label={t('groups.name')}
            placeholder={t('groups.namePlaceholder')}
            required
            data-autofocus
            data-testid="group-name"
            {...form.getInputProps('name')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('groups.type')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'standard', label: t('groups.typeStandard') },
                { value: 'sales', label: t('groups.typeSales') },
              ]}
              data-testid="group-type"
              {...form.getInputProps('type')}
            />
            <Text size="xs" c="dimmed">
              {t('groups.typeHint')}
            </Text>
          </Stack>
          <Select
            label={t('groups.parent')}
            data={parents}
            allowDeselect={false}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="group-parent"
            {...form.getInputProps('parentId')}
          />
          <Textarea
            label={t('groups.description')}
            autosize
            minRows={2}
            maxRows={6}
            data-testid="group-description"
            {...form.getInputProps('description')}
          />
          <MultiSelect
            label={t('groups.members')}
            placeholder={form.values.memberIds.length === 0 ? t('groups.membersPlaceholder') : ''}
            data={memberOptions}
            searchable
            clearable
            nothingFoundMessage={t('common:states.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="group-members"
            {...form.getInputProps('memberIds')}
            onChange={(ids) => {
              form.setFieldValue('memberIds', ids);
              form.setFieldValue(
                'managerIds',
                form.values.managerIds.filter((id) => ids.includes(id)),
              );
            }}
          />
          <MultiSelect
            label={t('groups.managers')}
            description={t('groups.managersHint')}
            data={managerOptions}
            disabled={managerOptions.length === 0}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="group-managers"
            {...form.getInputProps('managerIds')}
          />
          <Row justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={props.loading} data-testid="group-save">
              {t('common:actions.save')}
            </Button>
          </Row>
        </Stack>
      </form>
    </Modal>
  );
}

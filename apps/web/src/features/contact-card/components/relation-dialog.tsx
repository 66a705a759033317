import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useAddRelation } from '../api/family-api.ts';
import { DateField } from './date-field.tsx';
import {
  emptyRelation,
  relationBody,
  validateRelation,
  type RelationValues,
} from './family-values.ts';
import { ContactSearchSelect, LookupSelect } from './reference-selects.tsx';

/**
 * Adds a guardian or a child to a person: someone already in the CRM, found by name or phone,
 * or a new person made with the relation. Server field errors land next to their fields.
 */
export function RelationDialog(props: {
  personId: string;
  /** The page's person's last name, offered for a new child. */
  lastName: string;
  /** What the other person is to this one; the dialog is shown while it is mounted. */
  as: RelationValues['as'];
  onClose: () => void;
}) {
  const { t } = useTranslation('card');
  const add = useAddRelation(props.personId);
  const form = useForm<RelationValues>({
    initialValues: emptyRelation(props.as, props.lastName),
    validate: validateRelation,
  });
  const v = form.getValues();
  const as = props.as;

  const submit = (values: RelationValues) =>
    add.mutate(relationBody({ ...values, as }), {
      onSuccess: ({ relation }) => {
        notifySaved(t(`family.added.${as}`, { name: relation.person.displayName }));
        props.onClose();
      },
      onError: (err) => showFailure(err, form.setErrors),
    });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(`family.add.${as}`)}
      centered
      data-testid="relation-dialog"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            data={[
              { value: 'existing', label: t('family.mode.existing') },
              { value: 'new', label: t('family.mode.new') },
            ]}
            aria-label={t('family.mode.label')}
            data-testid="relation-mode"
            {...form.getInputProps('mode')}
          />
          {v.mode === 'existing' ? (
            <ContactSearchSelect
              kind="person"
              label={t('family.person')}
              exclude={props.personId}
              testId="relation-person"
              data-autofocus
              {...form.getInputProps('personId')}
            />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('fields.firstName')}
                  data-testid="relation-first-name"
                  data-autofocus
                  {...form.getInputProps('person.firstName')}
                />
                <TextInput
                  label={t('fields.lastName')}
                  data-testid="relation-last-name"
                  {...form.getInputProps('person.lastName')}
                />
              </SimpleGrid>
              <DateField
                label={t('fields.birthDate')}
                data-testid="relation-birth-date"
                maxDate={new Date()}
                defaultLevel="decade"
                {...form.getInputProps('person.birthDate')}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('fields.phone')}
                  type="tel"
                  data-testid="relation-phone"
                  {...form.getInputProps('person.phone')}
                />
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  data-testid="relation-email"
                  {...form.getInputProps('person.email')}
                />
              </SimpleGrid>
            </>
          )}
          <LookupSelect
            lookup="relation-roles"
            label={t('family.role')}
            testId="relation-role"
            {...form.getInputProps('roleId')}
          />
          <Checkbox
            label={t(`family.primaryHint.${as}`)}
            data-testid="relation-primary"
            {...form.getInputProps('primary', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="relation-save">
              {t(`family.add.${as}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Checkbox, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FamilyMember } from '@spotter/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lookupsQuery } from '../../../lib/crm-reference.ts';
import { DateField, useFamily } from '../../contact-card/index.ts';

/** A child typed in the new-call dialog, created with the call. */
export interface NewChild {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** What the caller is to the child (mother, father …: the 'relation-roles' lookup), or none. */
  roleId: string | null;
}

/** "Calling about a child": off, or one of the parent's children, or a new one. */
export interface ChildChoice {
  about: boolean;
  /** An existing child's id, `'new'` for the child typed below, or null while none is picked. */
  pick: string | null;
  child: NewChild;
}

export const NEW_CHILD = 'new';

export const noChild = (): ChildChoice => ({
  about: false,
  pick: null,
  child: { firstName: '', lastName: '', birthDate: null, roleId: null },
});

function ChildLabel(props: { member: FamilyMember }) {
  const { t } = useTranslation('tasks');
  const { member } = props;
  return (
    <Text size="sm" span>
      {member.displayName}
      {member.age !== null && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {t('call.childAge', { count: member.age })}
        </Text>
      )}
    </Text>
  );
}

/**
 * "New call", step two for a parent (issue 17, seed 004): the caller's children, one of whom the
 * call is about, or a child added right here (last name taken from the parent's). The call and
 * what follows it are then the child's; the card dials the parent.
 */
export function ChildChooser(props: {
  /** The caller when they are already a person in Spotter; null for a caller being added. */
  parentId: string | null;
  parentLastName: string;
  value: ChildChoice;
  onChange: (v: ChildChoice) => void;
  errors: Record<string, React.ReactNode>;
}) {
  const { t } = useTranslation('tasks');
  const roles = (useQuery(lookupsQuery('relation-roles')).data?.items ?? []).filter(
    (r) => !r.archived,
  );
  const family = useFamily(props.parentId ?? '', props.parentId !== null);
  const children = (family.data?.children ?? []).filter((r) => r.person.deletedAt === null);
  const { value } = props;
  const set = (patch: Partial<ChildChoice>) => props.onChange({ ...value, ...patch });
  const setChild = (patch: Partial<NewChild>) => set({ child: { ...value.child, ...patch } });
  // Adding a child starts from the parent's last name, unless one was typed already.
  const withLastName = (): NewChild =>
    value.child.lastName ? value.child : { ...value.child, lastName: props.parentLastName };

  const toggle = (about: boolean) => {
    if (!about) return set({ about: false });
    // With no children known yet, the only way on is a new one.
    const pick = value.pick ?? (children.length === 0 ? NEW_CHILD : null);
    props.onChange({
      ...value,
      about: true,
      pick,
      child: pick === NEW_CHILD ? withLastName() : value.child,
    });
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="call-family">
      <Stack gap="xs">
        <Checkbox
          label={t('call.aboutChild')}
          description={
            // The list below names them once the box is ticked.
            children.length > 0 && !value.about
              ? t('call.children', { names: children.map((r) => r.person.displayName).join(', ') })
              : undefined
          }
          checked={value.about}
          onChange={(e) => toggle(e.currentTarget.checked)}
          data-testid="call-about-child"
        />
        {value.about && (
          <Radio.Group
            label={t('call.whichChild')}
            value={value.pick}
            onChange={(pick) =>
              props.onChange({
                ...value,
                pick,
                child: pick === NEW_CHILD ? withLastName() : value.child,
              })
            }
            error={props.errors.child}
            data-testid="call-children"
          >
            <Stack gap={8} mt={6}>
              {children.map((r) => (
                <Radio
                  key={r.person.id}
                  value={r.person.id}
                  label={<ChildLabel member={r.person} />}
                  data-testid="call-child"
                />
              ))}
              <Radio value={NEW_CHILD} label={t('call.addChild')} data-testid="call-add-child" />
            </Stack>
          </Radio.Group>
        )}
        {value.about && value.pick === NEW_CHILD && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" data-testid="call-new-child">
            <TextInput
              label={t('call.childFirstName')}
              required
              value={value.child.firstName}
              onChange={(e) => setChild({ firstName: e.currentTarget.value })}
              error={props.errors.childFirstName}
              data-testid="call-child-first-name"
            />
            <TextInput
              label={t('call.lastName')}
              value={value.child.lastName}
              onChange={(e) => setChild({ lastName: e.currentTarget.value })}
              error={props.errors.childLastName}
              data-testid="call-child-last-name"
            />
            <DateField
              label={t('call.birthDate')}
              required
              maxDate={new Date()}
              value={value.child.birthDate}
              onChange={(v) => setChild({ birthDate: v })}
              error={props.errors.childBirthDate}
              popoverProps={{ withinPortal: true }}
              data-testid="call-child-birth-date"
            />
            <Select
              label={t('call.callerRole')}
              clearable
              data={roles.map((r) => ({ value: r.id, label: r.name }))}
              value={value.child.roleId}
              onChange={(roleId) => setChild({ roleId })}
              error={props.errors.childRoleId}
              comboboxProps={{ withinPortal: true }}
              data-testid="call-child-role"
            />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

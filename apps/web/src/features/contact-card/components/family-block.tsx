import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { FamilyMember, FamilyRelation, Lookup } from '@spotter/contracts';
import {
  IconDots,
  IconStar,
  IconStarFilled,
  IconUserMinus,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { closeThen, notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useLookups } from '../../../lib/crm-reference.ts';
import { telHref } from '../../../lib/phone-display.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { useFamily, useRemoveRelation, useUpdateRelation } from '../api/family-api.ts';
import { Card } from './detail-parts.tsx';
import { ContactLink } from './duplicate-alert.tsx';
import { roleName } from './family-values.ts';
import { usePhoneRegion } from './phone-region.ts';
import { RelationDialog } from './relation-dialog.tsx';

type Side = 'guardian' | 'child';

/** Name, age, minor badge, phone: one relative on one or two lines. */
function MemberLine(props: { member: FamilyMember; badges?: ReactNode }) {
  const { t } = useTranslation('card');
  const region = usePhoneRegion();
  const m = props.member;
  return (
    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
      <Group gap={6} wrap="wrap">
        <ContactLink kind="person" id={m.id}>
          {m.displayName || t('family.unnamed')}
        </ContactLink>
        {props.badges}
        {m.minor && (
          <Badge size="xs" variant="light" color="grape" data-testid="minor-badge">
            {t('family.minor')}
          </Badge>
        )}
        {m.deletedAt && (
          <Badge size="xs" variant="light" color="gray">
            {t('family.inTrash')}
          </Badge>
        )}
      </Group>
      <Group gap={8} wrap="wrap">
        {m.age !== null && (
          <Text size="xs" c="dimmed" data-testid="member-age">
            {t('family.age', { count: m.age })}
          </Text>
        )}
        {m.phone && (
          <Anchor size="xs" href={telHref(m.phone)} data-testid="member-phone">
            {formatPhone(m.phone, region)}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

/** Change role, make primary, remove: what staff can do with one link. */
function RelationMenu(props: {
  relation: FamilyRelation;
  side: Side;
  roles: readonly Lookup[];
  onRemove: () => void;
}) {
  const { t } = useTranslation('card');
  const update = useUpdateRelation();
  const r = props.relation;
  const change = (body: { roleId?: string | null; primary?: true }) =>
    update.mutate(
      { id: r.id, ...body },
      {
        onSuccess: () => notifySaved(t('family.saved')),
        onError: (err) => showFailure(err),
      },
    );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('common:actions.actionsFor', { name: r.person.displayName })}
          loading={update.isPending}
          data-testid="relation-actions"
        >
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('family.role')}</Menu.Label>
        {props.roles
          .filter((role) => !role.archived || role.id === r.roleId)
          .map((role) => (
            <Menu.Item
              key={role.id}
              disabled={role.id === r.roleId}
              onClick={() => change({ roleId: role.id })}
              data-testid="relation-role-option"
            >
              {role.name}
            </Menu.Item>
          ))}
        {r.roleId && (
          <Menu.Item onClick={() => change({ roleId: null })}>{t('family.noRole')}</Menu.Item>
        )}
        <Menu.Divider />
        {!r.primary && (
          <Menu.Item
            leftSection={<IconStar size={14} />}
            onClick={() => change({ primary: true })}
            data-testid="relation-make-primary"
          >
            {t(`family.makePrimary.${props.side}`)}
          </Menu.Item>
        )}
        <Menu.Item
          color="red"
          leftSection={<IconUserMinus size={14} />}
          onClick={props.onRemove}
          data-testid="relation-remove"
        >
          {t('family.remove')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** One guardian or child with their role and, for the child's primary guardian, a star. */
function RelationRow(props: {
  relation: FamilyRelation;
  side: Side;
  roles: readonly Lookup[];
  canEdit: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation('card');
  const r = props.relation;
  const role = roleName(props.roles, r.roleId);
  const badges = (
    <>
      {role && (
        <Badge size="xs" variant="outline" color="gray" data-testid="relation-role">
          {role}
        </Badge>
      )}
      {r.primary && (
        <Badge
          size="xs"
          variant="light"
          leftSection={<IconStarFilled size={10} />}
          data-testid="relation-primary-mark"
        >
          {t(`family.primary.${props.side}`)}
        </Badge>
      )}
    </>
  );
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={`family-${props.side}`}>
      <MemberLine member={r.person} badges={badges} />
      {props.canEdit && (
        <RelationMenu
          relation={r}
          side={props.side}
          roles={props.roles}
          onRemove={props.onRemove}
        />
      )}
    </Group>
  );
}

function FamilySection(props: { title: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Title order={5} c="dimmed" fz="xs" tt="uppercase">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/**
 * A person's family (C-17): their guardians (the primary one first, with the phone cards about
 * the child dial), their children and their siblings; staff add, re-role, make primary and
 * unlink. Used on the person page and the board's expanded card.
 */
export function FamilyBlock(props: {
  personId: string;
  /** The person's own last name: a new child starts with it. */
  lastName: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('card');
  const family = useFamily(props.personId);
  const roles = useLookups('relation-roles').data?.items ?? [];
  const remove = useRemoveRelation();
  const [adding, setAdding] = useState<Side | null>(null);
  const [removing, setRemoving] = useState<FamilyRelation | null>(null);

  const addButtons = props.canEdit && (
    <Group gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconUserPlus size={14} />}
        onClick={() => setAdding('guardian')}
        data-testid="add-guardian"
      >
        {t('family.add.guardian')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconUserPlus size={14} />}
        onClick={() => setAdding('child')}
        data-testid="add-child"
      >
        {t('family.add.child')}
      </Button>
    </Group>
  );

  let body: ReactNode;
  if (family.isPending) body = <Skeleton height={60} data-testid="family-loading" />;
  else if (family.isError) {
    body = <QueryError error={family.error} onRetry={() => void family.refetch()} />;
  } else {
    const { guardians, children, siblings } = family.data;
    const row = (side: Side) => (r: FamilyRelation) => (
      <RelationRow
        key={r.id}
        relation={r}
        side={side}
        roles={roles}
        canEdit={props.canEdit}
        onRemove={() => setRemoving(r)}
      />
    );
    body =
      guardians.length + children.length + siblings.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="family-empty">
          {t('family.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {guardians.length > 0 && (
            <FamilySection title={t('family.guardians')} testId="family-guardians">
              {guardians.map(row('guardian'))}
            </FamilySection>
          )}
          {children.length > 0 && (
            <FamilySection title={t('family.children')} testId="family-children">
              {children.map(row('child'))}
            </FamilySection>
          )}
          {siblings.length > 0 && (
            <FamilySection title={t('family.siblings')} testId="family-siblings">
              {siblings.map((s) => (
                <MemberLine key={s.id} member={s} />
              ))}
            </FamilySection>
          )}
        </Stack>
      );
  }

  return (
    <Card title={t('family.title')} action={addButtons} testId="family-block">
      {body}
      {adding && (
        <RelationDialog
          personId={props.personId}
          lastName={props.lastName}
          as={adding}
          onClose={() => setAdding(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('family.removeTitle')}
        message={t('family.removeText', { name: removing?.person.displayName ?? '' })}
        confirmLabel={t('family.remove')}
        danger
        loading={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(
            removing.id,
            closeThen(
              () => setRemoving(null),
              () => notifySaved(t('family.removed', { name: removing.person.displayName })),
            ),
          )
        }
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}

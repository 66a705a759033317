import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { Company, ContactKind, Person } from '@spotter/contracts';
import {
  IconChevronDown,
  IconDots,
  IconMail,
  IconPencil,
  IconPhone,
  IconUser,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { telHref } from '../../../lib/phone-display.ts';
import { useStaff, useStatuses } from '../../../lib/crm-reference.ts';

export interface HeaderAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
  testId: string;
}

/** Quick status change (C-6): one click, saved with the version on screen. */
function StatusMenu(props: {
  kind: ContactKind;
  statusId: string | null;
  onChange: (statusId: string | null) => void;
}) {
  const { t } = useTranslation('card');
  const statuses = useStatuses(props.kind).data?.items ?? [];
  const current = statuses.find((s) => s.id === props.statusId);
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('header.changeStatus')}
          data-testid="status-menu"
        >
          {current ? (
            <ColorBadge
              name={current.name}
              color={current.color}
              background={current.background}
              testId="status-badge"
            />
          ) : (
            <Badge variant="outline" color="gray" tt="none">
              {t('header.noStatus')}
            </Badge>
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.changeStatus')}</Menu.Label>
        {statuses.map((s) => (
          <Menu.Item
            key={s.id}
            onClick={() => s.id !== props.statusId && props.onChange(s.id)}
            data-testid={`status-option-${s.id}`}
          >
            <ColorBadge name={s.name} color={s.color} background={s.background} />
          </Menu.Item>
        ))}
        {props.statusId && (
          <Menu.Item onClick={() => props.onChange(null)}>{t('header.clearStatus')}</Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Name, status, responsible and what can be done right away: call, write, edit … */
export function ContactHeader(props: {
  kind: ContactKind;
  contact: Person | Company;
  onStatusChange: (statusId: string | null) => void;
  onEdit: () => void;
  actions: (HeaderAction | false)[];
  subtitle?: ReactNode;
}) {
  const { t } = useTranslation('card');
  const c = props.contact;
  const responsible = useStaff().data?.items.find((s) => s.id === c.responsibleId);
  const phone = c.phones[0];
  const email = c.emails[0];
  const actions = props.actions.filter((a): a is HeaderAction => a !== false);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="contact-name">
          {c.displayName}
        </Title>
        <Group gap="sm">
          <StatusMenu kind={props.kind} statusId={c.statusId} onChange={props.onStatusChange} />
          <Group gap={4}>
            <IconUser size={14} />
            <Text size="sm" c="dimmed" data-testid="responsible-name">
              {responsible ? responsible.name : t('header.noResponsible')}
            </Text>
          </Group>
          {props.subtitle}
        </Group>
      </Stack>
      <Group gap="xs">
        {phone && (
          <LinkIcon
            href={telHref(phone.number)}
            label={t('header.call')}
            testId="call-link"
            icon={<IconPhone size={18} />}
          />
        )}
        {email && (
          <LinkIcon
            href={`mailto:${email.email}`}
            label={t('header.email')}
            testId="email-link"
            icon={<IconMail size={18} />}
          />
        )}
        <Button
          leftSection={<IconPencil size={16} />}
          onClick={props.onEdit}
          data-testid="edit-contact"
        >
          {t('actions.edit')}
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('common:actions.actions')}
              data-testid="contact-actions"
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {actions.map((a) => (
              <Menu.Item
                key={a.testId}
                leftSection={a.icon}
                color={a.danger ? 'red' : undefined}
                onClick={a.onClick}
                data-testid={a.testId}
              >
                {a.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

/** A round link (call, email) with its label as a tooltip. */
function LinkIcon(props: { href: string; label: string; testId: string; icon: ReactNode }) {
  return (
    <Tooltip label={props.label}>
      <ActionIcon
        component="a"
        href={props.href}
        variant="light"
        size="lg"
        aria-label={props.label}
        data-testid={props.testId}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}

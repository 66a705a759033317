import { Button, Group, Tooltip } from '@mantine/core';
import type { Locale, Me } from '@spotter/contracts';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WriteEmailDialog } from './write-email-dialog.tsx';
import { WriteSmsDialog } from './write-sms-dialog.tsx';

/** Who is written to: what the person page and the expanded card know of them. */
export interface WriteTarget {
  id: string;
  name: string;
  emails: ReadonlyArray<{ email: string }>;
  phones: ReadonlyArray<{ number: string }>;
}

/**
 * "Email" and "SMS" for one person (issue 16): hidden without `mailing.send`; a button whose
 * address is missing stays visible but disabled, saying why.
 */
export function WriteToPerson(props: { me: Me; person: WriteTarget; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('mailing');
  const [open, setOpen] = useState<'email' | 'sms' | null>(null);
  if (!props.me.permissions.includes('mailing.send')) return null;
  const email = props.person.emails[0]?.email;
  const phone = props.person.phones[0]?.number;
  const size = props.size ?? 'xs';
  const locale = (props.me.user.locale ?? props.me.organization.locale) as Locale;
  const button = (
    kind: 'email' | 'sms',
    address: string | undefined,
    icon: React.ReactNode,
    label: string,
    reason: string,
  ) => {
    const b = (
      <Button
        size={size}
        variant="light"
        leftSection={icon}
        disabled={!address}
        onClick={() => setOpen(kind)}
        data-testid={`write-${kind}`}
      >
        {label}
      </Button>
    );
    return address ? (
      b
    ) : (
      <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
        {/* A disabled button takes no focus or hover: the wrapper carries the reason. */}
        <span tabIndex={0} aria-label={`${label}: ${reason}`}>
          {b}
        </span>
      </Tooltip>
    );
  };
  return (
    <Group gap="xs" data-testid="write-to-person">
      {button('email', email, <IconMail size={14} />, t('write.email'), t('write.noEmail'))}
      {button('sms', phone, <IconMessage size={14} />, t('write.sms'), t('write.noPhone'))}
      {email && (
        <WriteEmailDialog
          opened={open === 'email'}
          onClose={() => setOpen(null)}
          person={{ id: props.person.id, name: props.person.name, email }}
          canUseTemplates={props.me.permissions.includes('mailing.send')}
          locale={locale}
        />
      )}
      {phone && (
        <WriteSmsDialog
          opened={open === 'sms'}
          onClose={() => setOpen(null)}
          person={{ id: props.person.id, name: props.person.name, phone }}
        />
      )}
    </Group>
  );
}

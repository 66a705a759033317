import { Alert, Anchor, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ContactKind, Duplicate } from '@spotter/contracts';
import { IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { useTranslation } from 'react-i18next';
import { useDuplicateCheck } from '../api/contact-api.ts';
import { duplicateProbe, type CommonValues } from './form-values.ts';

/** A link to a person's or a company's page. */
export function ContactLink(props: { kind: ContactKind; id: string; children: React.ReactNode }) {
  return (
    <Anchor
      renderRoot={(rootProps) =>
        props.kind === 'person' ? (
          <Link {...rootProps} to="/persons/$personId" params={{ personId: props.id }} />
        ) : (
          <Link {...rootProps} to="/companies/$companyId" params={{ companyId: props.id }} />
        )
      }
    >
      {props.children}
    </Anchor>
  );
}

/** "Already in the CRM: Anna Svensson (phone +46 70 …) — Open" (C-13). */
export function DuplicateAlert(props: { items: Duplicate[]; onClose?: () => void }) {
  const { t } = useTranslation('card');
  const region = useQuery(crmSettingsQuery).data?.phoneRegion;
  if (props.items.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconCopy size={18} />}
      title={t('duplicates.title')}
      data-testid="duplicate-alert"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          {props.items.map((d) => (
            <Text size="sm" key={`${d.id}-${d.matchedOn}-${d.value}`}>
              {t('duplicates.line', {
                name: d.displayName,
                what: t(`duplicates.matched_${d.matchedOn}`),
                value: d.matchedOn === 'phone' ? formatPhone(d.value, region) : d.value,
              })}{' '}
              <ContactLink kind={d.kind} id={d.id}>
                {t('duplicates.open')}
              </ContactLink>
            </Text>
          ))}
        </Stack>
        {props.onClose && (
          <CloseButton aria-label={t('common:actions.done')} onClick={props.onClose} />
        )}
      </Group>
    </Alert>
  );
}

/** Asks the server about the phones and emails being typed, half a second after typing stops. */
export function LiveDuplicateAlert(props: {
  kind: ContactKind;
  values: CommonValues;
  excludeId?: string;
}) {
  // Debounce a string: a fresh object every render would restart the timer for ever.
  const [key] = useDebouncedValue(JSON.stringify(duplicateProbe(props.values)), 500);
  const debounced = JSON.parse(key) as { phones: string[]; emails: string[] };
  const check = useDuplicateCheck(props.kind, debounced.phones, debounced.emails, props.excludeId);
  const items = debounced.phones.length + debounced.emails.length > 0 ? check.data?.items : [];
  // One line per record, even when both its phone and email match.
  const unique = [...new Map((items ?? []).map((d) => [d.id, d])).values()];
  return <DuplicateAlert items={unique} />;
}

import { Anchor, Text, type MantineSize } from '@mantine/core';
import type { GuardianRef } from '@spotter/contracts';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';

/** "Mother: Anna Berg", or "Guardian: …" when the relation has no role. */
export function useGuardianLabel() {
  const { t } = useTranslation('tasks');
  return (g: GuardianRef) =>
    t('guardian.who', { role: g.role ?? t('guardian.defaultRole'), name: g.name });
}

/**
 * A card's line for a child's primary guardian: "Mother: Anna Berg · 070-123 45 67", the phone
 * a `tel:` link to the guardian in the national form for the club's country.
 */
export function GuardianLine(props: {
  guardian: GuardianRef;
  region: string | null;
  size?: MantineSize;
  testId?: string;
}) {
  const { t } = useTranslation('tasks');
  const label = useGuardianLabel()(props.guardian);
  const size = props.size ?? 'xs';
  const g = props.guardian;
  return (
    <Text size={size} c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid={props.testId}>
      {label}
      {g.phone && (
        <>
          {' · '}
          <Anchor
            href={telHref(g.phone)}
            size={size}
            onClick={(e) => e.stopPropagation()}
            aria-label={t('guardian.call', { name: g.name })}
            style={{ whiteSpace: 'nowrap' }}
            data-testid={props.testId ? `${props.testId}-phone` : undefined}
          >
            <IconPhone size={12} style={{ verticalAlign: -2, marginInlineEnd: 3 }} />
            {shownPhone(g, props.region)}
          </Anchor>
        </>
      )}
    </Text>
  );
}

import { ScrollArea, SegmentedControl } from '@mantine/core';
import { LOOKUP_KINDS, type LookupKind } from '@spotter/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Switches between the configurable lists; scrolls sideways on a narrow screen. */
export function LookupKindNav(props: { kind: LookupKind }) {
  const { t } = useTranslation('crm');
  const navigate = useNavigate();
  return (
    <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x" mb="md">
      <SegmentedControl
        value={props.kind}
        onChange={(kind) => void navigate({ to: '/settings/lists/$kind', params: { kind } })}
        data={LOOKUP_KINDS.map((kind) => ({ value: kind, label: t(`lists.${kind}.title`) }))}
        aria-label={t('lists.navLabel')}
        data-testid="lookup-kinds"
      />
    </ScrollArea>
  );
}

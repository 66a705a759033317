import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { Lookup, LookupKind } from '@spotter/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Move all companies of industry A to industry B" (seed 001); sources work the same way for
 * persons and companies. The entry being moved from stays; it is simply no longer used.
 */
export function MoveLookupModal(props: {
  kind: LookupKind;
  source: Lookup | null;
  targets: Lookup[];
  loading: boolean;
  onSubmit: (targetId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('crm');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTargetId(null);
    setError(null);
  }, [props.source]);

  const options = props.targets
    .filter((l) => l.id !== props.source?.id && !l.archived)
    .map((l) => ({ value: l.id, label: l.name }));
  const submit = () => {
    if (targetId) props.onSubmit(targetId);
    else setError(t('move.chooseTarget'));
  };

  return (
    <Modal
      opened={props.source !== null}
      onClose={props.onClose}
      title={t(`lists.${props.kind}.moveTitle`, { name: props.source?.name ?? '' })}
      centered
    >
      <Stack>
        <Text size="sm">
          {t(`lists.${props.kind}.moveText`, {
            name: props.source?.name ?? '',
            count: props.source?.usage ?? 0,
          })}
        </Text>
        <Select
          label={t('move.target')}
          data={options}
          value={targetId}
          onChange={(v) => {
            setTargetId(v);
            setError(null);
          }}
          searchable
          error={error}
          nothingFoundMessage={t('common:states.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="move-target"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button loading={props.loading} onClick={submit} data-testid="move-confirm">
            {t('move.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

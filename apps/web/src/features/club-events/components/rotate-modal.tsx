import { NumberInput, Text } from '@mantine/core';
import type { EventSource } from '@spotter/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { showFailure } from '../../../lib/feedback.ts';
import { useRotateSecret, type SourceSecret } from '../api/club-events-api.ts';

const MAX_HOURS = 24 * 14;

/** A new secret for a source; the old one keeps verifying for the hours chosen. */
export function RotateModal(props: {
  source: EventSource | null;
  onClose: () => void;
  onRotated: (answer: SourceSecret) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const rotate = useRotateSecret();
  const [hours, setHours] = useState<number | string>(24);
  useEffect(() => {
    if (props.source) setHours(24);
  }, [props.source]);
  const valid = typeof hours === 'number' && Number.isInteger(hours) && hours >= 0;
  return (
    <FormModal
      opened={props.source !== null}
      title={t('rotate.title', { name: props.source?.name ?? '' })}
      loading={rotate.isPending}
      saveTestId="rotate-confirm"
      submitLabel={t('rotate.confirm')}
      submitDisabled={!valid}
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        const source = props.source;
        if (!source || !valid) return;
        rotate.mutate(
          { id: source.id, overlapHours: hours },
          {
            onSuccess: (answer) => {
              props.onClose();
              props.onRotated(answer);
            },
            onError: (err) => showFailure(err),
          },
        );
      }}
    >
      <Text size="sm">{t('rotate.text')}</Text>
      <NumberInput
        label={t('rotate.overlap')}
        description={t('rotate.overlapHint')}
        min={0}
        max={MAX_HOURS}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        value={hours}
        onChange={setHours}
        data-autofocus
        data-testid="rotate-hours"
      />
    </FormModal>
  );
}

import { Modal, Select, Stack, Text, Textarea, Button, Group } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDealList } from '../api/deals-api.ts';

/**
 * Why a deal was lost (S-2): a reason from the club's list, and a comment. Cancel leaves the
 * deal where it was.
 */
export function LostDialog(props: {
  /** The deal being lost; null: the dialog is closed. */
  deal: { title: string } | null;
  loading?: boolean;
  onConfirm: (reason: { lostReasonId: string; lostComment: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('deals');
  const reasons = useDealList('lost-reasons').data?.items.filter((r) => !r.archived) ?? [];
  const [reason, setReason] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opened = props.deal !== null;
  useEffect(() => {
    if (!opened) return;
    setReason(null);
    setComment('');
    setError(null);
  }, [opened]);

  const confirm = () => {
    if (!reason) {
      setError(t('lost.reasonRequired'));
      return;
    }
    props.onConfirm({ lostReasonId: reason, lostComment: comment.trim() });
  };

  return (
    <Modal opened={opened} onClose={props.onCancel} title={t('lost.title')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
        data-testid="lost-dialog"
      >
        <Stack>
          <Text size="sm">{t('lost.text', { name: props.deal?.title ?? '' })}</Text>
          <Select
            label={t('fields.lostReason')}
            required
            data-autofocus
            data={reasons.map((r) => ({ value: r.id, label: r.name }))}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setError(null);
            }}
            error={error}
            comboboxProps={{ withinPortal: true }}
            data-testid="lost-reason"
          />
          <Textarea
            label={t('fields.lostComment')}
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-testid="lost-comment"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel} data-testid="lost-cancel">
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={props.loading} data-testid="lost-confirm">
              {t('lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

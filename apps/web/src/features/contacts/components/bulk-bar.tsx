import { Anchor, Button, Group, Menu, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BulkBody, ContactKind } from '@spotter/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconChevronDown,
  IconTag,
  IconTagOff,
  IconTrash,
  IconUserCheck,
  IconCircleDot,
  IconPhoneCall,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { crmKey } from '../../../lib/crm-reference.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { RoundModal } from '../../tasks/index.ts';
import { useBulkAction } from '../api/contacts-list-api.ts';
import { BulkActionModal, type BulkAction } from './bulk-action-modal.tsx';
import type { ListRefs } from './list-refs.ts';

/** Acts on the selected rows, or on every row the filters match. */
export function BulkBar(props: {
  kind: ContactKind;
  refs: ListRefs;
  count: number;
  pageAllSelected: boolean;
  total: number;
  /** More rows match than `total` (the count's cap). */
  capped: boolean;
  allMatching: boolean;
  canDelete: boolean;
  /** Persons only, for staff who plan tasks: a call round over the selection (T-2). */
  canRound?: boolean;
  target: Pick<BulkBody, 'ids' | 'filter'>;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation('contacts');
  const bulk = useBulkAction(props.kind);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [rounding, setRounding] = useState(false);
  const nf = new Intl.NumberFormat(i18n.language);
  // Past the count's cap the number is a floor, and says so: "10,000+".
  const fmt = (n: number, capped: boolean) =>
    capped ? t('table.atLeast', { n: nf.format(n) }) : nf.format(n);
  const n = fmt(props.count, props.allMatching && props.capped);
  const noun = t(`bulk.noun.${props.kind}`, { count: props.count, n });

  const qc = useQueryClient();
  const run = (change: BulkBody['change']) =>
    bulk.mutate(
      { ...props.target, change },
      {
        onSuccess: ({ affected }) => {
          notifications.show({
            color: 'teal',
            message: t('bulk.done', { count: affected, n: nf.format(affected) }),
          });
          setAction(null);
          setDeleting(false);
          // A tag named in the dialog is new: the lists and filters offer it from now on.
          if (change.action === 'addTag' && change.tagName) {
            void qc.invalidateQueries({ queryKey: crmKey });
          }
          // The selection stays for the next step ("tag these, then call them"); deleted
          // records are gone from the list, so theirs goes.
          if (change.action === 'delete') props.onClear();
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          const onValue = Object.entries(fields).find(([key]) => key.startsWith('change.'));
          if (onValue) setValueError(onValue[1]);
          else notifications.show({ color: 'red', message: errorMessage(err) });
        },
      },
    );

  const open = (a: BulkAction) => {
    setValueError(null);
    setAction(a);
  };

  return (
    <Paper withBorder radius="md" p="xs" px="sm" bg="blue.0" data-testid="bulk-bar">
      <Group justify="space-between" gap="xs">
        <Group gap="sm">
          <Text size="sm" fw={600} data-testid="bulk-count">
            {t('bulk.selected', { count: props.count, n })}
          </Text>
          {props.pageAllSelected && !props.allMatching && props.total > props.count && (
            <Anchor
              component="button"
              size="sm"
              onClick={props.onSelectAll}
              data-testid="select-all-matching"
            >
              {t('bulk.selectAll', { count: props.total, n: fmt(props.total, props.capped) })}
            </Anchor>
          )}
          <Anchor component="button" size="sm" c="dimmed" onClick={props.onClear}>
            {t('bulk.clear')}
          </Anchor>
        </Group>
        <Menu position="bottom-end" shadow="md">
          <Menu.Target>
            <Button
              size="xs"
              rightSection={<IconChevronDown size={14} />}
              data-testid="bulk-actions"
            >
              {t('bulk.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconTag size={16} />}
              onClick={() => open('addTag')}
              data-testid="bulk-addTag"
            >
              {t('bulk.addTag')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconTagOff size={16} />}
              onClick={() => open('removeTag')}
              data-testid="bulk-removeTag"
            >
              {t('bulk.removeTag')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCircleDot size={16} />}
              onClick={() => open('setStatus')}
              data-testid="bulk-setStatus"
            >
              {t('bulk.setStatus')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconUserCheck size={16} />}
              onClick={() => open('setResponsible')}
              data-testid="bulk-setResponsible"
            >
              {t('bulk.setResponsible')}
            </Menu.Item>
            {props.canRound && props.kind === 'person' && (
              <Menu.Item
                leftSection={<IconPhoneCall size={16} />}
                onClick={() => setRounding(true)}
                data-testid="bulk-round"
              >
                {t('tasks:round.title')}
              </Menu.Item>
            )}
            {props.canDelete && (
              <>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDeleting(true)}
                  data-testid="bulk-delete"
                >
                  {t('bulk.delete')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>

      <BulkActionModal
        action={action}
        refs={props.refs}
        noun={noun}
        loading={bulk.isPending}
        error={valueError}
        onApply={run}
        onClose={() => setAction(null)}
      />
      <ConfirmDialog
        opened={deleting}
        title={t('bulk.deleteTitle')}
        message={t('bulk.deleteText', { what: noun })}
        confirmLabel={t('bulk.delete')}
        danger
        loading={bulk.isPending}
        onConfirm={() => run({ action: 'delete' })}
        onClose={() => setDeleting(false)}
      />
      {props.canRound && props.kind === 'person' && (
        <RoundModal
          opened={rounding}
          onClose={() => setRounding(false)}
          count={props.count}
          {...(props.target.ids
            ? { personIds: props.target.ids }
            : { filter: props.target.filter })}
        />
      )}
    </Paper>
  );
}

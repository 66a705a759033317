import { Button, Group, Modal, Select, Text } from '@mantine/core';
import type { BulkBody } from '@spotter/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRefs } from './list-refs.ts';
import { useMayBeResponsible } from '../../../lib/crm-reference.ts';

export type BulkAction = 'addTag' | 'removeTag' | 'setStatus' | 'setResponsible';
const NONE = 'none';
/** The "Create tag …" option's value: the typed name follows. */
const NEW_TAG = 'new:';

function changeOf(action: BulkAction, value: string): BulkBody['change'] {
  switch (action) {
    case 'addTag':
      return value.startsWith(NEW_TAG)
        ? { action, tagName: value.slice(NEW_TAG.length) }
        : { action, tagId: value };
    case 'removeTag':
      return { action, tagId: value };
    case 'setStatus':
      return { action, statusId: value === NONE ? null : value };
    case 'setResponsible':
      return { action, responsibleId: value === NONE ? null : value };
  }
}

/**
 * The value of one bulk change. Adding a tag may name a new one ("Create tag …", issue 10);
 * Apply is always there to press: without a value it says what is missing.
 */
export function BulkActionModal(props: {
  action: BulkAction | null;
  refs: ListRefs;
  /** "3 persons": what the change applies to. */
  noun: string;
  loading: boolean;
  /** The server's word on the value, if it refused it. */
  error?: string | null;
  onApply: (change: BulkBody['change']) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('contacts');
  const { action } = props;
  const mayBeResponsible = useMayBeResponsible();
  const [value, setValue] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setValue(null);
    setSearch('');
    setMissing(false);
  }, [action]);

  const tags = props.refs.tags.filter((x) => !x.archived);
  const typed = search.trim();
  const known = tags.some((x) => x.name.toLowerCase() === typed.toLowerCase());
  const choices =
    action === 'setStatus'
      ? [
          { value: NONE, label: t('bulk.noStatus') },
          ...props.refs.statuses
            .filter((s) => !s.archived)
            .map((s) => ({ value: s.id, label: s.name })),
        ]
      : action === 'setResponsible'
        ? [
            { value: NONE, label: t('filters.nobody') },
            ...props.refs.staff
              .filter(mayBeResponsible)
              .map((s) => ({ value: s.id, label: s.name })),
          ]
        : [
            ...tags.map((x) => ({ value: x.id, label: x.name })),
            ...(action === 'addTag' && typed && !known
              ? [{ value: `${NEW_TAG}${typed}`, label: t('bulk.createTag', { name: typed }) }]
              : []),
          ];

  const apply = () => {
    if (!action || value === null) return setMissing(true);
    props.onApply(changeOf(action, value));
  };

  return (
    <Modal
      opened={action !== null}
      onClose={props.onClose}
      title={action ? t(`bulk.${action}`) : ''}
      centered
    >
      <Text size="sm" mb="sm">
        {t('bulk.appliesTo', { what: props.noun })}
      </Text>
      <Select
        data={choices}
        value={value}
        onChange={(v) => {
          setValue(v);
          setMissing(false);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        label={action ? t(`bulk.field.${action}`) : ''}
        description={action === 'addTag' ? t('bulk.createTagHint') : undefined}
        nothingFoundMessage={t('bulk.nothingFound')}
        error={(missing && action ? t(`bulk.missing.${action}`) : null) ?? props.error}
        comboboxProps={{ withinPortal: true }}
        data-testid="bulk-value"
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button loading={props.loading} onClick={apply} data-testid="bulk-apply">
          {t('bulk.apply')}
        </Button>
      </Group>
    </Modal>
  );
}

import { ColorInput, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import {
  colorSchema,
  lookupCreateSchema,
  SCOPED_LOOKUPS,
  scopeSchema,
  type Lookup,
  type LookupKind,
  type Scope,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TagBadge } from '../../../components/status-badge.tsx';
import { previewColor, SWATCHES } from '../../../components/settings/color-fields.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';

/** Only tags carry a colour (C-4); tags and categories a scope (C-4, C-5). */
export const hasColor = (kind: LookupKind) => kind === 'tags';
export const hasScope = (kind: LookupKind) => SCOPED_LOOKUPS.includes(kind);

export type LookupValues = {
  name: string;
  /** '' while no colour is chosen: ColorInput works with strings. */
  color: string;
  scope: Scope;
};

const schema = z.object({
  name: lookupCreateSchema.shape.name,
  scope: scopeSchema,
  color: z.union([z.literal(''), colorSchema]),
});

const EMPTY: LookupValues = { name: '', color: '', scope: 'both' };

const valuesOf = (l: Lookup | null): LookupValues =>
  l ? { name: l.name, color: l.color ?? '', scope: l.scope } : EMPTY;

/** The body a form's values turn into; a cleared colour becomes null. */
export const lookupBody = (kind: LookupKind, v: LookupValues) => ({
  name: v.name,
  ...(hasColor(kind) ? { color: v.color.trim() === '' ? null : v.color } : {}),
  ...(hasScope(kind) ? { scope: v.scope } : {}),
});

export function LookupModal(props: {
  kind: LookupKind;
  opened: boolean;
  lookup: Lookup | null;
  loading: boolean;
  onSubmit: (values: LookupValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('crm');
  const form = useDialogForm({
    opened: props.opened,
    source: props.lookup,
    values: valuesOf,
    schema,
  });

  const title = t(props.lookup ? `lists.${props.kind}.edit` : `lists.${props.kind}.add`);
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={title}
      loading={props.loading}
      nameLabel={t('fields.name')}
      testIdPrefix="lookup"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      {hasColor(props.kind) && (
        <Stack gap={6}>
          <ColorInput
            label={t('fields.tagColor')}
            format="hex"
            swatches={SWATCHES}
            data-testid="lookup-color"
            {...form.getInputProps('color')}
          />
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('fields.preview')}
            </Text>
            <TagBadge
              name={form.values.name.trim() || t('lists.tags.previewName')}
              color={previewColor(form.values.color, '') || null}
            />
          </Group>
        </Stack>
      )}
      {hasScope(props.kind) && (
        <Input.Wrapper
          label={t('fields.scope')}
          labelProps={{ id: 'lookup-scope-label', component: 'div' }}
          error={form.errors.scope}
        >
          <SegmentedControl
            aria-labelledby="lookup-scope-label"
            data-testid="lookup-scope"
            fullWidth
            mt={4}
            data={(['person', 'company', 'both'] as const).map((value) => ({
              value,
              label: t(`scope.${value}`),
            }))}
            value={form.values.scope}
            onChange={(v) => form.setFieldValue('scope', scopeSchema.catch('both').parse(v))}
          />
        </Input.Wrapper>
      )}
    </NamedFormModal>
  );
}

import {
  Badge,
  Grid,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { smsSegments, type Locale, type MailTemplateVariant } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { ContactPicker, type PickedContact } from '../../tasks/index.ts';
import { useMailPreview, useMailTemplates } from '../api/templates-api.ts';

/** An email campaign's texts: copied from a template, editable per language, previewed. */
export function CampaignEmailContent(props: {
  templateId: string | null;
  variants: MailTemplateVariant[];
  onTemplate: (templateId: string, variants: MailTemplateVariant[]) => void;
  onVariants: (variants: MailTemplateVariant[]) => void;
  person: PickedContact | null;
  onPerson: (person: PickedContact | null) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('mailing');
  const templates = useMailTemplates();
  const [active, setActive] = useState<Locale | null>(null);
  const index = Math.max(
    0,
    props.variants.findIndex((v) => v.locale === active),
  );
  const current = props.variants[index];
  const change = (patch: Partial<MailTemplateVariant>) =>
    props.onVariants(props.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  const [previewInput] = useDebouncedValue(
    {
      subject: current?.subject ?? '',
      body: current?.body ?? '',
      personId: props.person?.id ?? null,
    },
    300,
  );
  const preview = useMailPreview(previewInput);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="sm">
          <Select
            label={t('campaigns.template')}
            description={t('campaigns.templateHint')}
            placeholder={t('campaigns.templatePick')}
            data={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={props.templateId}
            onChange={(id) => {
              const tpl = templates.data?.items.find((x) => x.id === id);
              if (tpl) {
                props.onTemplate(tpl.id, tpl.variants);
                setActive(tpl.variants[0]?.locale ?? null);
              }
            }}
            error={props.errors.variants}
            searchable
            allowDeselect={false}
            data-testid="campaign-template"
          />
          {current && (
            <>
              {props.variants.length > 1 && (
                <SegmentedControl
                  value={current.locale}
                  onChange={(v) => setActive(v as Locale)}
                  data={props.variants.map((v) => ({
                    value: v.locale,
                    label: LANGUAGE_NAMES[v.locale],
                  }))}
                  aria-label={t('languages')}
                />
              )}
              <TextInput
                label={t('subject')}
                required
                value={current.subject}
                onChange={(e) => change({ subject: e.currentTarget.value })}
                error={props.errors[`variants.${index}.subject`]}
                data-testid="campaign-subject"
              />
              <Textarea
                label={t('body')}
                description={t('bodyHint')}
                required
                autosize
                minRows={8}
                maxRows={18}
                value={current.body}
                onChange={(e) => change({ body: e.currentTarget.value })}
                error={props.errors[`variants.${index}.body`]}
                data-testid="campaign-body"
              />
            </>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="sm">
          <ContactPicker
            label={t('previewFor')}
            kind="person"
            value={props.person}
            onChange={props.onPerson}
            testId="campaign-preview-person"
          />
          <Paper withBorder radius="md" p="md" data-testid="campaign-preview">
            {preview.data && current ? (
              <Stack gap="xs">
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color="gray">
                    {t('subject')}
                  </Badge>
                  <Text fw={600} data-testid="campaign-preview-subject">
                    {preview.data.subject}
                  </Text>
                </Group>
                <ScrollArea.Autosize mah={380}>
                  {/* Made by the server from markdown with every value escaped and no raw HTML. */}
                  <div
                    className="mail-preview"
                    style={{ fontSize: 14, lineHeight: 1.55, overflowWrap: 'anywhere' }}
                    dangerouslySetInnerHTML={{ __html: preview.data.html }}
                  />
                </ScrollArea.Autosize>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('campaigns.previewEmpty')}
              </Text>
            )}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** An SMS campaign's text with its length as the phone network counts it. */
export function CampaignSmsContent(props: {
  text: string;
  onText: (text: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('mailing');
  return (
    <Stack gap={6}>
      <Textarea
        label={t('campaigns.smsText')}
        description={t('campaigns.smsHint')}
        required
        autosize
        minRows={4}
        maxRows={12}
        maxLength={1600}
        value={props.text}
        onChange={(e) => props.onText(e.currentTarget.value)}
        error={props.error}
        data-testid="campaign-sms-text"
      />
      <SmsCounter text={props.text} />
    </Stack>
  );
}

/** Characters, the alphabet the text needs and how many SMS it becomes. */
export function SmsCounter(props: { text: string }) {
  const { t, i18n } = useTranslation('mailing');
  const s = smsSegments(props.text);
  const num = new Intl.NumberFormat(i18n.language);
  return (
    <Group gap="xs" data-testid="sms-counter" aria-live="polite">
      <Text size="sm">{t('campaigns.smsChars', { count: [...props.text].length })}</Text>
      <Badge variant="light" color={s.encoding === 'gsm7' ? 'teal' : 'orange'}>
        {t(`campaigns.smsEncoding.${s.encoding}`)}
      </Badge>
      <Text size="sm" fw={600} data-testid="sms-segments">
        {t('campaigns.smsSegments', { count: s.segments, formatted: num.format(s.segments) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('campaigns.smsRemaining', { count: s.remaining })}
      </Text>
    </Group>
  );
}

import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Modal,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  LOCALES,
  MAIL_PLACEHOLDERS,
  type Locale,
  type MailTemplate,
  type MailTemplateVariant,
} from '@spotter/contracts';
import { IconAlertTriangle, IconBraces, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { ContactPicker, type PickedContact } from '../../tasks/index.ts';
import { useMailPreview, useSaveMailTemplate } from '../api/templates-api.ts';

/** Adds, or changes, a mail template: its texts per language beside a live preview. */
export function TemplateEditor(props: {
  template: MailTemplate | null;
  defaultLocale: Locale;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('mailing');
  const narrow = useMediaQuery('(max-width: 62em)');
  const save = useSaveMailTemplate();
  const [name, setName] = useState(props.template?.name ?? '');
  const [variants, setVariants] = useState<MailTemplateVariant[]>(
    props.template?.variants ?? [{ locale: props.defaultLocale, subject: '', body: '' }],
  );
  const [active, setActive] = useState<Locale>(variants[0]!.locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [person, setPerson] = useState<PickedContact | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const index = Math.max(
    0,
    variants.findIndex((v) => v.locale === active),
  );
  const current = variants[index]!;

  const clearError = (key: string) =>
    setErrors((all) => {
      if (!(key in all)) return all;
      const { [key]: _gone, ...rest } = all;
      return rest;
    });
  const change = (patch: Partial<MailTemplateVariant>) => {
    setVariants((all) => all.map((v, i) => (i === index ? { ...v, ...patch } : v)));
    for (const field of Object.keys(patch)) clearError(`variants.${index}.${field}`);
  };

  const insert = (name: string) => {
    const token = `{{ ${name} }}`;
    const el = body.current;
    const start = el?.selectionStart ?? current.body.length;
    const end = el?.selectionEnd ?? start;
    change({ body: current.body.slice(0, start) + token + current.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const addLanguage = (locale: string | null) => {
    if (!locale) return;
    setVariants((all) => [...all, { locale: locale as Locale, subject: '', body: '' }]);
    setActive(locale as Locale);
  };
  const removeLanguage = () => {
    setVariants((all) => all.filter((_, i) => i !== index));
    setActive(variants[index === 0 ? 1 : 0]!.locale);
  };

  const submit = () => {
    const payload = { name, variants };
    save.mutate(
      {
        id: props.template?.id ?? null,
        body: props.template ? { ...payload, version: props.template.version } : payload,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('saved') });
          props.onClose();
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          setErrors(fields);
          const wrong = Object.keys(fields).find((k) => k.startsWith('variants.'));
          const at = wrong ? Number(wrong.split('.')[1]) : -1;
          if (variants[at]) setActive(variants[at].locale);
          notifications.show({
            color: 'red',
            message: isApiError(err, 'version_conflict') ? t('conflict') : errorMessage(err),
          });
        },
      },
    );
  };

  const [previewInput] = useDebouncedValue(
    { subject: current.subject, body: current.body, personId: person?.id ?? null },
    300,
  );
  const preview = useMailPreview(previewInput);
  const unused = LOCALES.filter((l) => !variants.some((v) => v.locale === l));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.template ? t('editTitle') : t('newTitle')}
      size="min(1200px, 96vw)"
      fullScreen={narrow}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <TextInput
              label={t('name')}
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                clearError('name');
              }}
              error={errors.name}
              data-testid="template-name"
            />
            <Group gap="xs" wrap="wrap">
              <SegmentedControl
                value={active}
                onChange={(v) => setActive(v as Locale)}
                data={variants.map((v) => ({ value: v.locale, label: LANGUAGE_NAMES[v.locale] }))}
                aria-label={t('languages')}
              />
              {unused.length > 0 && variants.length < 5 && (
                <Select
                  placeholder={t('addLanguage')}
                  leftSection={<IconPlus size={14} />}
                  data={unused.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                  value={null}
                  onChange={addLanguage}
                  w={190}
                  aria-label={t('addLanguage')}
                />
              )}
            </Group>
            <TextInput
              label={t('subject')}
              required
              value={current.subject}
              onChange={(e) => change({ subject: e.currentTarget.value })}
              error={errors[`variants.${index}.subject`]}
              data-testid="template-subject"
            />
            <Textarea
              ref={body}
              label={t('body')}
              description={t('bodyHint')}
              required
              autosize
              minRows={10}
              maxRows={22}
              value={current.body}
              onChange={(e) => change({ body: e.currentTarget.value })}
              error={errors[`variants.${index}.body`]}
              data-testid="template-body"
            />
            <Group justify="space-between">
              <Menu position="bottom-start">
                <Menu.Target>
                  <Button variant="light" leftSection={<IconBraces size={16} />} size="xs">
                    {t('insertPlaceholder')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {MAIL_PLACEHOLDERS.map((p) => (
                    <Menu.Item key={p} onClick={() => insert(p)}>
                      {t(`placeholders.${p}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              {variants.length > 1 && (
                <Button variant="subtle" color="red" size="xs" onClick={removeLanguage}>
                  {t('removeLanguage', { language: LANGUAGE_NAMES[current.locale] })}
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <ContactPicker
              label={t('previewFor')}
              kind="person"
              value={person}
              onChange={setPerson}
              testId="preview-person"
            />
            <Paper withBorder radius="md" p="md" data-testid="template-preview">
              {preview.data ? (
                <Stack gap="xs">
                  <Group gap="xs">
                    <Badge variant="light" color="gray">
                      {t('subject')}
                    </Badge>
                    <Text fw={600} data-testid="preview-subject">
                      {preview.data.subject}
                    </Text>
                  </Group>
                  <ScrollArea.Autosize mah={420}>
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
                  {t('previewEmpty')}
                </Text>
              )}
            </Paper>
            {preview.data && preview.data.missing.length > 0 && (
              <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
                <Text size="sm">
                  {t('missing', {
                    names: preview.data.missing.map((m) => t(`placeholders.${m}`)).join(', '),
                  })}
                </Text>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={submit} loading={save.isPending} data-testid="template-save">
          {t('common:actions.save')}
        </Button>
      </Group>
    </Modal>
  );
}

import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type {
  Campaign,
  CampaignChannel,
  CampaignCreate,
  MailTemplateVariant,
  Me,
} from '@spotter/contracts';
import { IconCalendarTime, IconDeviceFloppy, IconMailForward, IconSend } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { toFilter, type PersonListSearch } from '../../contacts/index.ts';
import type { PickedContact } from '../../tasks/index.ts';
import {
  useCampaign,
  useCreateCampaign,
  useDeleteCampaign,
  useSendCampaign,
  useSendCampaignTest,
  useUpdateCampaign,
} from '../api/campaigns-api.ts';
import { audienceSearch } from '../campaign-audience.ts';
import { CampaignAudience } from '../components/campaign-audience.tsx';
import { CampaignEmailContent, CampaignSmsContent } from '../components/campaign-content.tsx';
import { CampaignSendDialog } from '../components/campaign-send-dialog.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';

interface Draft {
  name: string;
  channel: CampaignChannel;
  templateId: string | null;
  variants: MailTemplateVariant[];
  smsText: string;
  audience: PersonListSearch;
  ratePerMinute: number | null;
}

const draftOf = (c: Campaign): Draft => ({
  name: c.name,
  channel: c.channel,
  templateId: c.templateId,
  variants: c.variants,
  smsText: c.smsText ?? '',
  audience: audienceSearch(c.audience),
  ratePerMinute: c.ratePerMinute,
});

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/**
 * A campaign being written (new, or a saved draft): its texts, who it goes to with the counts,
 * a test to oneself, then send now or at a time on the club's clock.
 */
export function CampaignEditorPage(props: {
  me: Me;
  campaign: Campaign | null;
  /** A new campaign's audience: the persons list's filter it was started from. */
  audience?: PersonListSearch;
}) {
  const { t } = useTranslation('mailing');
  const navigate = useNavigate();
  // The campaign as last saved here: a new one is created by its first save (a test, say) and
  // changed from then on, without leaving the page.
  const [saved, setSaved] = useState<Campaign | null>(props.campaign);
  const [draft, setDraft] = useState<Draft>(() =>
    saved
      ? draftOf(saved)
      : {
          name: '',
          channel: 'email',
          templateId: null,
          variants: [],
          smsText: '',
          audience: props.audience ?? {},
          ratePerMinute: null,
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [person, setPerson] = useState<PickedContact | null>(null);
  const [sending, setSending] = useState<'now' | 'schedule' | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const send = useSendCampaign();
  const test = useSendCampaignTest();
  const remove = useDeleteCampaign();
  const latest = useCampaign(saved?.id ?? null);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const key of Object.keys(patch)) {
      setErrors((all) =>
        Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(key))),
      );
    }
  };

  const body = (d: Draft) => ({
    name: d.name,
    ...(d.channel === 'email'
      ? { templateId: d.templateId, variants: d.variants }
      : { smsText: d.smsText.trim() === '' ? null : d.smsText }),
    audience: toFilter(d.audience) as Record<string, unknown>,
    ratePerMinute: d.ratePerMinute,
  });

  const failed = (err: unknown) => {
    const fields = serverFieldErrors(err);
    setErrors(fields);
    if (isApiError(err, 'version_conflict')) conflict.onConflict(draft);
    else notifications.show({ color: 'red', message: errorMessage(err) });
  };

  /** Saves what is on screen; resolves with the saved campaign (null when it failed). */
  const save = (d: Draft, version = saved?.version): Promise<Campaign | null> =>
    new Promise((resolve) => {
      const done = (c: Campaign) => {
        setErrors({});
        setSaved(c);
        resolve(c);
      };
      const fail = (err: unknown) => {
        failed(err);
        resolve(null);
      };
      if (saved) {
        update.mutate(
          { id: saved.id, body: { ...body(d), version: version ?? saved.version } },
          { onSuccess: done, onError: fail },
        );
      } else {
        const input: CampaignCreate = { ...body(d), channel: d.channel };
        create.mutate(input, { onSuccess: done, onError: fail });
      }
    });

  const conflict = useVersionConflict({
    refetch: latest.refetch,
    reset: (c: Campaign) => {
      setSaved(c);
      setDraft(draftOf(c));
    },
    save: (d: Draft, version) => void save(d, version),
  });

  const saveDraft = async () => {
    const isNew = saved === null;
    const c = await save(draft);
    if (!c) return;
    notifications.show({ color: 'teal', message: t('campaigns.saved') });
    // A new draft gets its own address, so a reload or the back button finds it.
    if (isNew) {
      void navigate({
        to: '/mailing/campaigns/$campaignId',
        params: { campaignId: c.id },
        replace: true,
      });
    }
  };

  const sendTest = async () => {
    setTestResult(null);
    const c = await save(draft);
    if (!c) return;
    test.mutate(
      { id: c.id, to: props.me.user.email, personId: person?.id ?? null },
      {
        onSuccess: (r) => setTestResult({ ok: r.accepted, text: r.response }),
        onError: (err) => setTestResult({ ok: false, text: errorMessage(err) }),
      },
    );
  };

  const startSending = async (at: string | null) => {
    const c = await save(draft);
    // What is wrong is shown next to its field, so the dialog gets out of the way.
    if (!c) return setSending(null);
    send.mutate(
      { id: c.id, at, version: c.version },
      {
        onSuccess: (sent) => {
          setSending(null);
          void navigate({
            to: '/mailing/campaigns/$campaignId',
            params: { campaignId: sent.id },
            replace: props.campaign === null,
          });
        },
        onError: (err) => {
          setSending(null);
          failed(err);
        },
      },
    );
  };

  const busy = create.isPending || update.isPending;
  return (
    <Stack gap="md" data-testid="campaign-editor">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2}>{saved ? saved.name : t('campaigns.newTitle')}</Title>
        {saved && (
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            {t('campaigns.deleteDraft')}
          </Button>
        )}
      </Group>
      <Section title={t('campaigns.sectionMessage')}>
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('campaigns.name')}
              required
              value={draft.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
              style={{ flex: '1 1 260px' }}
              data-testid="campaign-name"
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('campaigns.channel')}
              </Text>
              <SegmentedControl
                value={draft.channel}
                onChange={(v) => set({ channel: v as CampaignChannel })}
                disabled={saved !== null}
                data={[
                  { value: 'email', label: t('campaigns.channels.email') },
                  { value: 'sms', label: t('campaigns.channels.sms') },
                ]}
                aria-label={t('campaigns.channel')}
                data-testid="campaign-channel"
              />
            </div>
          </Group>
          {draft.channel === 'email' ? (
            <CampaignEmailContent
              templateId={draft.templateId}
              variants={draft.variants}
              onTemplate={(templateId, variants) => set({ templateId, variants })}
              onVariants={(variants) => set({ variants })}
              person={person}
              onPerson={setPerson}
              errors={errors}
            />
          ) : (
            <CampaignSmsContent
              text={draft.smsText}
              onText={(smsText) => set({ smsText })}
              error={errors.smsText}
            />
          )}
        </Stack>
      </Section>
      <Section title={t('campaigns.sectionAudience')}>
        <CampaignAudience
          me={props.me}
          channel={draft.channel}
          search={draft.audience}
          onChange={(audience) => set({ audience })}
        />
      </Section>
      <Section title={t('campaigns.sectionSend')}>
        <Stack gap="sm">
          <NumberInput
            label={t('campaigns.rate')}
            description={t('campaigns.rateHint')}
            min={1}
            max={100000}
            allowDecimal={false}
            value={draft.ratePerMinute ?? ''}
            onChange={(v) => set({ ratePerMinute: typeof v === 'number' ? v : null })}
            error={errors.ratePerMinute}
            maw={320}
            data-testid="campaign-rate"
          />
          {testResult && (
            <Alert
              color={testResult.ok ? 'teal' : 'red'}
              data-testid={testResult.ok ? 'campaign-test-ok' : 'campaign-test-failed'}
            >
              <Text size="sm">
                {testResult.ok
                  ? t('campaigns.testSent', { to: props.me.user.email })
                  : t('campaigns.testFailed')}
              </Text>
              <Text size="xs" ff="monospace" mt={4}>
                {testResult.text}
              </Text>
            </Alert>
          )}
          <Group gap="sm" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void saveDraft()}
              loading={busy && !test.isPending && sending === null}
              data-testid="campaign-save"
            >
              {t('campaigns.saveDraft')}
            </Button>
            {draft.channel === 'email' && (
              <Button
                variant="light"
                leftSection={<IconMailForward size={16} />}
                onClick={() => void sendTest()}
                loading={test.isPending}
                data-testid="campaign-test"
              >
                {t('campaigns.sendTest')}
              </Button>
            )}
            <Button
              variant="light"
              leftSection={<IconCalendarTime size={16} />}
              onClick={() => setSending('schedule')}
              data-testid="campaign-schedule"
            >
              {t('campaigns.schedule')}
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => setSending('now')}
              data-testid="campaign-send"
            >
              {t('campaigns.sendNow')}
            </Button>
          </Group>
        </Stack>
      </Section>
      {sending && (
        <CampaignSendDialog
          mode={sending}
          channel={draft.channel}
          audience={draft.audience}
          timezone={props.me.organization.timezone}
          loading={busy || send.isPending}
          onClose={() => setSending(null)}
          onConfirm={(at) => void startSending(at)}
        />
      )}
      <ConfirmDialog
        opened={deleting}
        title={t('campaigns.deleteTitle')}
        message={t('campaigns.deleteText', { name: saved?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          saved &&
          remove.mutate(saved.id, {
            onSuccess: () => void navigate({ to: '/mailing' }),
            onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
          })
        }
      />
      <VersionConflictModal
        opened={conflict.conflict !== null}
        onClose={conflict.dismiss}
        onReload={() => void conflict.reload()}
        onOverwrite={() => void conflict.overwrite()}
        labels={{
          title: t('campaigns.conflictTitle'),
          text: t('campaigns.conflictText'),
          reload: t('campaigns.conflictReload'),
          overwrite: t('campaigns.conflictOverwrite'),
        }}
      />
    </Stack>
  );
}

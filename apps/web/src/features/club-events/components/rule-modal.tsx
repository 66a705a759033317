import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { ROLES, isNoticeRule, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLookups, useStaff, useStatuses } from '../../../lib/crm-reference.ts';
import { useTaskTemplateOptions } from '../api/club-events-api.ts';
import { joinOffset, splitOffset } from './rule-when.ts';

const UNITS = ['minutes', 'hours', 'days'] as const;
/** A live rule's "who is told" when it names no role. */
const EVERYONE = 'everyone';

/** One rule's card: template, who gets it, when it is due; for the trial rule, the new person's status, tag and history type. */
export function RuleModal(props: {
  rule: ClubRule;
  config: ClubRuleConfig;
  saving: boolean;
  onClose: () => void;
  onSave: (config: ClubRuleConfig) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const [c, setC] = useState(props.config);
  const start = splitOffset(props.config.offsetMinutes);
  const [amount, setAmount] = useState<number | string>(start.amount);
  const [unit, setUnit] = useState<(typeof UNITS)[number]>(start.unit);
  const [before, setBefore] = useState(start.before);
  const templates = useTaskTemplateOptions();
  const staff = useStaff();
  const statuses = useStatuses('person');
  const tags = useLookups('tags');
  const historyTypes = useLookups('history-types');
  const set = (patch: Partial<ClubRuleConfig>) => setC((prev) => ({ ...prev, ...patch }));
  const amountOk = typeof amount === 'number' && amount >= 0 && Number.isInteger(amount);
  const missingUser = c.assignee === 'user' && !c.assigneeUserId;
  const notice = isNoticeRule(props.rule);
  const missingRole = c.assignee === 'role' && !c.assigneeRole && !notice;

  const submit = () => {
    if (!amountOk || missingUser || missingRole) return;
    props.onSave({ ...c, offsetMinutes: joinOffset(amount, unit, before) });
  };

  return (
    <Modal opened onClose={props.onClose} title={t(`log.rules.${props.rule}`)} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`rules.describe.${props.rule}`)}
          </Text>
          <Switch
            label={t('rules.enabled')}
            checked={c.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
          {props.rule === 'trial_booking' && (
            <>
              <Select
                label={t('rules.statusId')}
                description={t('rules.statusHint')}
                clearable
                data={(statuses.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={c.statusId}
                onChange={(v) => set({ statusId: v })}
              />
              <Select
                label={t('rules.tagId')}
                clearable
                data={(tags.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={c.tagId}
                onChange={(v) => set({ tagId: v })}
              />
              <Select
                label={t('rules.historyTypeId')}
                clearable
                data={(historyTypes.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={c.historyTypeId}
                onChange={(v) => set({ historyTypeId: v })}
              />
            </>
          )}
          {props.rule === 'unknown_call' && (
            <Select
              label={t('rules.statusId')}
              description={t('rules.leadStatusHint')}
              clearable
              data={(statuses.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={c.statusId}
              onChange={(v) => set({ statusId: v })}
            />
          )}
          {notice && (
            <Select
              label={t('rules.told')}
              description={t('rules.toldHint')}
              allowDeselect={false}
              data={[
                { value: EVERYONE, label: t('rules.everyone') },
                ...ROLES.filter((r) => r !== 'instructor').map((r) => ({
                  value: r,
                  label: t(`common:roles.${r}`),
                })),
              ]}
              value={c.assigneeRole ?? EVERYONE}
              onChange={(v) =>
                set({
                  assigneeRole: v && v !== EVERYONE ? (v as ClubRuleConfig['assigneeRole']) : null,
                })
              }
              data-testid="rule-told"
            />
          )}
          {!notice && (
            <Switch
              label={t('rules.task')}
              checked={c.task}
              onChange={(e) => set({ task: e.currentTarget.checked })}
            />
          )}
          {c.task && !notice && (
            <>
              <Select
                label={t('rules.templateId')}
                placeholder={t('rules.defaultTemplate')}
                clearable
                data={(templates.data?.items ?? [])
                  .filter((tpl) => tpl.type !== 'round')
                  .map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                value={c.templateId}
                onChange={(v) => set({ templateId: v })}
              />
              <Select
                label={t('rules.assignee')}
                allowDeselect={false}
                data={(['responsible', 'user', 'role'] as const).map((a) => ({
                  value: a,
                  label: t(`rules.assignees.${a}`),
                }))}
                value={c.assignee}
                onChange={(v) => v && set({ assignee: v as ClubRuleConfig['assignee'] })}
              />
              {c.assignee === 'user' && (
                <Select
                  label={t('rules.assigneeUserId')}
                  searchable
                  data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  value={c.assigneeUserId}
                  onChange={(v) => set({ assigneeUserId: v })}
                  error={missingUser ? t('rules.required') : undefined}
                />
              )}
              {c.assignee === 'role' && (
                <Select
                  label={t('rules.assigneeRole')}
                  data={ROLES.filter((r) => r !== 'instructor').map((r) => ({
                    value: r,
                    label: t(`common:roles.${r}`),
                  }))}
                  value={c.assigneeRole}
                  onChange={(v) => set({ assigneeRole: v as ClubRuleConfig['assigneeRole'] })}
                  error={missingRole ? t('rules.required') : undefined}
                />
              )}
              <Group align="flex-end" gap="sm" wrap="wrap">
                <NumberInput
                  label={t('rules.offset')}
                  min={0}
                  max={unit === 'days' ? 60 : unit === 'hours' ? 1440 : 86_400}
                  allowDecimal={false}
                  value={amount}
                  onChange={setAmount}
                  w={110}
                  error={amountOk ? undefined : t('rules.required')}
                  data-testid="rule-amount"
                />
                <Select
                  aria-label={t('rules.unit')}
                  allowDeselect={false}
                  data={UNITS.map((u) => ({ value: u, label: t(`rules.unitNames.${u}`) }))}
                  value={unit}
                  onChange={(v) => v && setUnit(v as (typeof UNITS)[number])}
                  w={130}
                />
                <Select
                  aria-label={t('rules.direction')}
                  allowDeselect={false}
                  data={[
                    {
                      value: 'before',
                      label: t('rules.directions.before', {
                        moment: t(`rules.moment.${props.rule}`),
                      }),
                    },
                    {
                      value: 'after',
                      label: t('rules.directions.after', {
                        moment: t(`rules.moment.${props.rule}`),
                      }),
                    },
                  ]}
                  value={before ? 'before' : 'after'}
                  onChange={(v) => setBefore(v === 'before')}
                  w={{ base: '100%', sm: 240 }}
                />
              </Group>
              <TextInput
                type="time"
                label={t('rules.timeOfDay')}
                description={t('rules.timeOfDayHint')}
                value={c.timeOfDay ?? ''}
                onChange={(e) => set({ timeOfDay: e.currentTarget.value || null })}
                w={{ base: '100%', sm: 200 }}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('rules.cancel')}
            </Button>
            <Button type="submit" loading={props.saving} data-testid="rule-save">
              {t('rules.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

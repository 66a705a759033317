import {
  Badge,
  Button,
  Group,
  Paper,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { TASK_TYPES, type TaskTemplate, type TaskType } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconListCheck,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../../components/row-actions.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { useStaff } from '../../../lib/crm-reference.ts';
import { ArchivedBadge } from '../../../components/settings/archived-badge.tsx';
import {
  EntryOrderButtons,
  type ReorderMutation,
} from '../../../components/settings/entry-table.tsx';
import { dueDefaultText } from './describe.ts';

export interface TemplateActions {
  onAdd: (type: TaskType) => void;
  onEdit: (template: TaskTemplate) => void;
  onResults: (template: TaskTemplate) => void;
  onArchive: (template: TaskTemplate, archived: boolean) => void;
  onDelete: (template: TaskTemplate) => void;
}

const COLUMNS = 6;

/**
 * All templates in one table, a section per type (T-2), so the columns line up: colours,
 * default due time and assignee, and what completing one asks for (its results; a round's
 * calls use a call template's results instead). Order buttons move a template within its type.
 */
export function TemplatesTable(
  props: { items: TaskTemplate[]; all: TaskTemplate[]; reorder: ReorderMutation } & TemplateActions,
) {
  const { t } = useTranslation('taskSettings');
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="sm" data-testid="templates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('fields.order')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.dueOffset')}</Table.Th>
              <Table.Th>{t('fields.defaultAssignee')}</Table.Th>
              <Table.Th>{t('fields.results')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {TASK_TYPES.map((type) => (
            <TypeSection
              key={type}
              {...props}
              type={type}
              items={props.items.filter((x) => x.type === type)}
            />
          ))}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function TypeSection(
  props: {
    type: TaskType;
    items: TaskTemplate[];
    all: TaskTemplate[];
    reorder: ReorderMutation;
  } & TemplateActions,
) {
  const { t } = useTranslation('taskSettings');
  const { type, items } = props;
  return (
    <Table.Tbody data-testid={`templates-${type}`} aria-labelledby={`templates-${type}`}>
      <Table.Tr bg="var(--mantine-color-gray-0)">
        <Table.Td colSpan={COLUMNS}>
          <Group justify="space-between" gap="xs">
            <div>
              <Title order={4} id={`templates-${type}`}>
                {t(`types.${type}`)}
              </Title>
              <Text size="xs" c="dimmed">
                {t(`typeHints.${type}`)}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => props.onAdd(type)}
              data-testid={`template-add-${type}`}
            >
              {t('templates.addOfType', { type: t(`types.${type}`) })}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {items.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <Text size="sm" c="dimmed" ta="center">
              {t('templates.noneOfType')}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
      {items.map((tpl, i) => (
        <TemplateRow key={tpl.id} {...props} template={tpl} index={i} />
      ))}
    </Table.Tbody>
  );
}

function TemplateRow(
  props: {
    template: TaskTemplate;
    index: number;
    items: TaskTemplate[];
    all: TaskTemplate[];
    reorder: ReorderMutation;
  } & TemplateActions,
) {
  const { t } = useTranslation('taskSettings');
  const staff = useStaff();
  const { template: tpl } = props;
  const assignee = staff.data?.items.find((s) => s.id === tpl.defaultAssigneeId)?.name;
  const round = tpl.type === 'round';
  const callName =
    props.all.find((x) => x.id === tpl.callTemplateId)?.name ?? t('templates.callTemplateDefault');
  const activeResults = tpl.results.filter((r) => !r.archived).length;
  return (
    <Table.Tr data-testid={`template-row-${tpl.name}`}>
      <Table.Td>
        <EntryOrderButtons
          entry={tpl}
          index={props.index}
          items={props.items}
          all={props.all}
          reorder={props.reorder}
        />
      </Table.Td>
      <Table.Td miw={180}>
        <Group gap={6}>
          <EntryBadge entry={tpl} />
          {tpl.archived && <ArchivedBadge archived />}
          {tpl.isDefault && (
            <Tooltip label={t('templates.defaultHint')} withArrow multiline w={260}>
              <Badge size="xs" variant="outline" color="gray" tabIndex={0}>
                {t('templates.default')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{dueDefaultText(t, tpl.dueOffsetMinutes)}</Table.Td>
      <Table.Td>
        {assignee ?? (
          <Text span size="sm" c="dimmed">
            {t('templates.assigneeCreatorShort')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {round ? (
          <Text span size="sm">
            <Text span size="sm" c="dimmed">
              {t('templates.callsUse')}{' '}
            </Text>
            {callName}
          </Text>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconListCheck size={14} />}
            onClick={() => props.onResults(tpl)}
            data-testid={`template-results-${tpl.name}`}
          >
            {t('templates.resultsCount', { count: activeResults })}
          </Button>
        )}
      </Table.Td>
      <Table.Td>
        <RowActions
          label={t('common:actions.actionsFor', { name: tpl.name })}
          actions={[
            {
              label: t('common:actions.edit'),
              icon: <IconPencil size={16} />,
              onClick: () => props.onEdit(tpl),
            },
            !round && {
              label: t('templates.editResults'),
              icon: <IconListCheck size={16} />,
              onClick: () => props.onResults(tpl),
            },
            // One default per type stays: tasks of that type fall back to it.
            !tpl.isDefault &&
              (tpl.archived
                ? {
                    label: t('common:actions.restore'),
                    icon: <IconArchiveOff size={16} />,
                    onClick: () => props.onArchive(tpl, false),
                  }
                : {
                    label: t('common:actions.archive'),
                    icon: <IconArchive size={16} />,
                    onClick: () => props.onArchive(tpl, true),
                  }),
            !tpl.isDefault && {
              label: t('common:actions.delete'),
              icon: <IconTrash size={16} />,
              onClick: () => props.onDelete(tpl),
              danger: true,
            },
          ]}
        />
      </Table.Td>
    </Table.Tr>
  );
}

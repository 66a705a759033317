import type { Me } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortcutHelp, useShortcuts, type ShortcutGroup } from '../components/shortcuts.tsx';
import { NewCallModal, TaskFormModal } from '../features/tasks/index.ts';

/**
 * Keys that work on every page: `?` lists them all, N starts a new task, C a new call. The
 * board adds its own (next card, open card, search); the help lists those too.
 */
export function AppShortcuts(props: { me: Me }) {
  const { t } = useTranslation();
  const [help, setHelp] = useState(false);
  const [creating, setCreating] = useState<'task' | 'call' | null>(null);
  const canWrite = props.me.permissions.includes('tasks.write');
  const canRead = props.me.permissions.includes('tasks.read');
  const canSearch = props.me.permissions.includes('contacts.read');
  useShortcuts([
    { key: 'shift+?', run: () => setHelp(true) },
    ...(canWrite
      ? [
          { key: 'n', physical: true, run: () => setCreating('task') },
          { key: 'c', physical: true, run: () => setCreating('call') },
        ]
      : []),
  ]);

  const groups: ShortcutGroup[] = [
    {
      title: t('shortcuts.anywhere'),
      items: [
        { keys: ['?'], label: t('shortcuts.help') },
        // The header's search owns `/` (contacts' GlobalSearch); listed here so it is found.
        ...(canSearch ? [{ keys: ['/'], label: t('shortcuts.search') }] : []),
        ...(canWrite
          ? [
              { keys: ['N'], label: t('shortcuts.newTask') },
              { keys: ['C'], label: t('shortcuts.newCall') },
            ]
          : []),
      ],
    },
    ...(canRead
      ? [
          {
            title: t('shortcuts.board'),
            items: [
              { keys: ['J'], label: t('shortcuts.next') },
              { keys: ['K'], label: t('shortcuts.previous') },
              { keys: ['Enter', 'O'], label: t('shortcuts.open') },
              { keys: [t('shortcuts.space')], label: t('shortcuts.move') },
            ],
          },
        ]
      : []),
  ];

  return (
    <>
      <ShortcutHelp
        opened={help}
        onClose={() => setHelp(false)}
        title={t('shortcuts.title')}
        closeLabel={t('shortcuts.close')}
        or={t('shortcuts.or')}
        groups={groups}
      />
      {creating === 'task' && <TaskFormModal opened onClose={() => setCreating(null)} />}
      {creating === 'call' && <NewCallModal opened onClose={() => setCreating(null)} />}
    </>
  );
}

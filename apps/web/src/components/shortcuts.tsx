import { useHotkeys } from '@mantine/hooks';
import type { ComponentProps } from 'react';
import { onDemand } from './on-demand.tsx';
import type { ShortcutHelp as Help } from './shortcut-help.tsx';

export type { ShortcutGroup } from './shortcut-help.tsx';

/** A single-key shortcut: `key` as Mantine's hotkey names it (`n`, `/`, `shift+?`). */
export interface Shortcut {
  key: string;
  run: () => void;
  /**
   * Match the key's place on the keyboard rather than the letter it types, so `n` works the
   * same on a Cyrillic layout. Letters only: `?` and `/` move between layouts.
   */
  physical?: boolean;
}

/** A dialog or a menu has the keyboard: shortcuts of the page below must not act. */
function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="menu"]') !== null;
}

/**
 * Page and app shortcuts. Mantine ignores keys typed into inputs, text areas, selects and
 * editable text; these also stay quiet while a dialog is open and when a modifier is held.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true) {
  useHotkeys(
    enabled
      ? shortcuts.map((s) => [
          s.key,
          (event: KeyboardEvent) => {
            if (event.repeat || insideDialog(event.target)) return;
            event.preventDefault();
            s.run();
          },
          { preventDefault: false, usePhysicalKeys: s.physical ?? false },
        ])
      : [],
  );
}

/**
 * The `?` dialog, fetched the first time someone asks for it: the frame of every signed-in page
 * carries only the key that opens it.
 */
export const ShortcutHelp = onDemand<ComponentProps<typeof Help>>(
  () => import('./shortcut-help.tsx').then((m) => m.ShortcutHelp),
  (p) => p.opened,
);

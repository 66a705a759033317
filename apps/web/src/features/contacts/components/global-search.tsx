import { ActionIcon } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { onDemand } from '../../../components/on-demand.tsx';
import { SearchBox } from './search-box.tsx';
import type { SearchDialog as Dialog } from './search-dialog.tsx';

// Below 768 px the search is a dialog, fetched the first time it opens: the header of every
// signed-in page on a wide screen carries no dialog code for it.
const SearchDialog = onDemand<ComponentProps<typeof Dialog>>(
  () => import('./search-dialog.tsx').then((m) => m.SearchDialog),
  (p) => p.opened,
);

/**
 * Finds persons and companies from the header; `/` anywhere focuses it. Below 768 px it is
 * an icon that opens the same search in a modal.
 */
export function GlobalSearch() {
  const { t } = useTranslation('contacts');
  const narrow = useMediaQuery('(max-width: 767.98px)');
  const [modal, setModal] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useHotkeys([
    [
      '/',
      () => {
        if (narrow) setModal(true);
        else input.current?.focus();
      },
    ],
  ]);

  if (!narrow) return <SearchBox inputRef={input} width={280} />;
  return (
    <>
      <ActionIcon
        variant="default"
        size="lg"
        radius="xl"
        aria-label={t('search.label')}
        onClick={() => setModal(true)}
        data-testid="global-search-button"
      >
        <IconSearch size={18} />
      </ActionIcon>
      <SearchDialog opened={modal} onClose={() => setModal(false)} />
    </>
  );
}

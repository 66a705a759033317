import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchBox } from './search-box.tsx';

/** The header's search on a narrow screen: the same box in a dialog, closed once a hit opens. */
export function SearchDialog(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('search.label')} yOffset="10dvh">
      <SearchBox autoFocus width="100%" onOpened={props.onClose} />
    </Modal>
  );
}

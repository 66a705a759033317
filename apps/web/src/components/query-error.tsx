import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/validation.ts';

/** What a page shows when its data could not be loaded, with a way to try again. */
export function QueryError(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('errors.loadFailed')}>
      {errorMessage(props.error)}
      {props.onRetry && (
        <Button
          size="xs"
          variant="light"
          color="red"
          mt="sm"
          display="block"
          onClick={props.onRetry}
        >
          {t('actions.retry')}
        </Button>
      )}
    </Alert>
  );
}

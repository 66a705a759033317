import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the six digits from the authenticator app go; phones offer the code they received. */
export function CodeField(props: TextInputProps & { allowRecovery?: boolean }) {
  const { t } = useTranslation('twoStep');
  const { allowRecovery, ...rest } = props;
  return (
    <TextInput
      label={t('code')}
      description={allowRecovery ? t('codeOrRecoveryHint') : t('codeHint')}
      autoComplete="one-time-code"
      inputMode={allowRecovery ? 'text' : 'numeric'}
      maxLength={40}
      required
      styles={{ input: { fontFamily: 'monospace', fontSize: 18, letterSpacing: 2 } }}
      {...rest}
    />
  );
}

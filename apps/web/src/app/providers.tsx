import {
  MantineProvider,
  createTheme,
  type DrawerProps,
  type ModalProps,
  type PasswordInputProps,
  type TableScrollContainerProps,
} from '@mantine/core';
import type { DatePickerInputProps, DateTimePickerProps } from '@mantine/dates';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';
import { NotificationsOnDemand } from './notifications-on-demand.tsx';

/**
 * Mantine's own controls (a password's eye, a dialog's cross, a calendar's arrows) carry no
 * name or an English one; the theme names them in the user's language, so a screen reader
 * never switches to English in the middle of a Swedish form. Each component's defaults are a
 * plain object (what `Component.extend` returns), so the theme imports no component: the login
 * page does not download the date pickers, dialogs and drawers it never shows.
 */
function buildTheme(t: TFunction) {
  const calendarLabels = {
    previousMonth: t('a11y.previousMonth'),
    nextMonth: t('a11y.nextMonth'),
    previousYear: t('a11y.previousYear'),
    nextYear: t('a11y.nextYear'),
    previousDecade: t('a11y.previousDecade'),
    nextDecade: t('a11y.nextDecade'),
    monthLevelControl: t('a11y.chooseMonth'),
    yearLevelControl: t('a11y.chooseYear'),
  };
  const close = { closeButtonProps: { 'aria-label': t('a11y.close') } };
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    // Staff who asked their system for less motion get no sliding menus and fading dialogs.
    respectReducedMotion: true,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    components: {
      // The default custom scroll area keeps room for a horizontal scrollbar under every table,
      // an empty stripe below the last row; the browser's own scrolling takes room only if needed.
      TableScrollContainer: {
        defaultProps: { type: 'native' } satisfies Partial<TableScrollContainerProps>,
      },
      PasswordInput: {
        defaultProps: {
          visibilityToggleButtonProps: { 'aria-label': t('a11y.togglePassword') },
        } satisfies Partial<PasswordInputProps>,
      },
      Modal: { defaultProps: close satisfies Partial<ModalProps> },
      Drawer: { defaultProps: close satisfies Partial<DrawerProps> },
      DateTimePicker: {
        defaultProps: { ariaLabels: calendarLabels } satisfies Partial<DateTimePickerProps>,
      },
      DatePickerInput: {
        defaultProps: { ariaLabels: calendarLabels } satisfies Partial<DatePickerInputProps>,
      },
    },
  });
}

function LocalizedMantine({ children }: { children: ReactNode }) {
  // `t` is a new function for each language, so the theme is rebuilt exactly then.
  const { t } = useTranslation();
  const theme = useMemo(() => buildTheme(t), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <NotificationsOnDemand />
      {children}
    </MantineProvider>
  );
}

/** A 401 anywhere means the session is over: forget the user, and the layout goes to login. */
function onApiError(error: unknown) {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(['me'])) {
    queryClient.setQueryData(['me'], null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (count, error) =>
        count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedMantine>{children}</LocalizedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

import { MantineProvider, TableScrollContainer, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  // Staff who asked their system for less motion get no sliding menus and fading dialogs.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  components: {
    // The default custom scroll area keeps room for a horizontal scrollbar under every table,
    // an empty stripe below the last row; the browser's own scrolling takes room only if needed.
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: 'native' } }),
  },
});

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
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="bottom-right" limit={3} />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

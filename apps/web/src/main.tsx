import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers.tsx';
import { router } from './app/router.tsx';
import { initI18n } from './lib/i18n.ts';
import { installZodMessages } from './lib/validation.ts';

installZodMessages();

// The first paint waits for the chosen language. A promise, not a top-level await: the bundler
// turns off its chunk optimizations (merging shared chunks, skipping chunks an importer has
// already loaded) for the whole app when any module awaits at the top level.
void initI18n().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});

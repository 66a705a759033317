import { lazy } from 'react';

/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { LoginPage } from './pages/login-page.tsx';

// A chunk of its own: its form uses zod's full API, which the login page does without.
export const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);

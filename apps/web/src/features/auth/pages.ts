/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { LoginPage } from './pages/login-page.tsx';
export { ChangePasswordPage } from './pages/change-password-page.tsx';

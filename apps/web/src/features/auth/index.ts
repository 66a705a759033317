export { meKey, meQuery, useMe, useLogout, useUpdateMe } from './api/auth-api.ts';
export { LoginPage } from './pages/login-page.tsx';
export { ChangePasswordPage } from './pages/change-password-page.tsx';
export { ChangePasswordForm } from './components/change-password-form.tsx';

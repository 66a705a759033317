export { meKey, meQuery, useMe, useLogout, useUpdateMe } from './api/auth-api.ts';
export { ChangePasswordForm } from './components/change-password-form.tsx';
export { SignOutLink } from './components/sign-out-link.tsx';

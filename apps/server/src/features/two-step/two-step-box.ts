import { secretBoxFor, type SecretBox } from '../../lib/secret-box.ts';

/** The box two-step secrets are sealed in, keyed by the server's SESSION_SECRET (decision 0014). */
export const twoStepBox = (sessionSecret: string): SecretBox =>
  secretBoxFor(sessionSecret, 'two-step secrets');

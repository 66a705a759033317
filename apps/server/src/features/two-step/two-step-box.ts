import { SecretBox } from '../../lib/secret-box.ts';

const boxes = new Map<string, SecretBox>();

/** The box two-step secrets are sealed in, keyed by the server's SESSION_SECRET (decision 0014). */
export function twoStepBox(sessionSecret: string): SecretBox {
  let box = boxes.get(sessionSecret);
  if (!box) {
    box = new SecretBox(sessionSecret, 'two-step secrets');
    boxes.set(sessionSecret, box);
  }
  return box;
}

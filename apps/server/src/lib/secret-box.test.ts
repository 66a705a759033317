import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox('x'.repeat(32), 'test');

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'org:user');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'org:user')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('does not open with another context, another key or another purpose', () => {
    const sealed = box.seal('secret', 'org:user');
    expect(box.open(sealed, 'org:other')).toBeNull();
    expect(new SecretBox('y'.repeat(32), 'test').open(sealed, 'org:user')).toBeNull();
    expect(new SecretBox('x'.repeat(32), 'other').open(sealed, 'org:user')).toBeNull();
    expect(box.open('v1.garbage', 'org:user')).toBeNull();
  });
});

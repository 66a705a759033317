import { describe, expect, it } from 'vitest';
import { RECIPIENT_NOTES, recipientNoteOf } from './campaigns.ts';

describe('recipient notes', () => {
  it("tells Spotter's own notes from a server's answer", () => {
    for (const [key, words] of Object.entries(RECIPIENT_NOTES)) {
      expect(recipientNoteOf(words)).toBe(key);
    }
    expect(recipientNoteOf('550 5.1.1 <x@example.test>: Recipient address rejected')).toBeNull();
    expect(recipientNoteOf('cancelled')).toBeNull();
    expect(recipientNoteOf(null)).toBeNull();
  });
});

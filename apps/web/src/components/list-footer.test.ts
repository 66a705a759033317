import { describe, expect, it } from 'vitest';
import { pageRange } from './list-footer.tsx';

describe('pageRange', () => {
  it('names the rows of the page and counts the pages', () => {
    expect(pageRange(1, 50, 10234)).toEqual({ from: 1, to: 50, pages: 205 });
    expect(pageRange(3, 25, 60)).toEqual({ from: 51, to: 60, pages: 3 });
  });

  it('shows an empty list as 0–0 on one page', () => {
    expect(pageRange(1, 25, 0)).toEqual({ from: 0, to: 0, pages: 1 });
  });
});

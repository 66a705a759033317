import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { uiText } from './ui-text.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) =>
  linter
    .verify(
      code,
      [
        {
          files: ['**/*.tsx'],
          languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          plugins: { spotter: { rules: { 'ui-text': uiText } } },
          rules: { 'spotter/ui-text': 'error' },
        },
      ],
      'page.tsx',
    )
    .map((m) => m.message);

describe('the ui-text lint rule', () => {
  it.each([
    ['<ActionIcon aria-label="Close" />'],
    ["<TextInput placeholder={'Search…'} />"],
    ['<Tooltip title={`Remove ${name}`} />'],
    ['<img alt="Club logo" />'],
    ['<Select label="Currency" />'],
  ])('refuses words written into %s', (jsx) => {
    const messages = lint(`const a = ${jsx};`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('from the translations');
  });

  it.each([
    ["<ActionIcon aria-label={t('a11y.close')} />"],
    ["<Badge aria-label={`${t('filters.remove')}: ${c.label}`} />"],
    ['<Text title={user.email} />'],
    ['<TextInput placeholder="+46 70 123 45 67" />'],
    ['<Button data-testid="save-button" />'],
  ])('lets %s through', (jsx) => {
    expect(lint(`const a = ${jsx};`)).toEqual([]);
  });
});

/**
 * Words a user hears or reads go through i18next (CONVENTIONS habit 8). Labels read out by
 * screen readers (aria-label), tooltips (title), placeholders, alt texts and field labels are
 * the ones that slip through, because nobody sees them on a screenshot in English. A string
 * written into such an attribute is refused; one assembled from translations and names is fine
 * as long as its fixed parts hold no words (`${t('filters.remove')}: ${name}`).
 */
const ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'description',
]);

const WORD = /\p{L}{2,}/u;

/** The fixed text of an attribute's value, or null when all of it is computed. */
function fixedText(value) {
  if (!value) return null;
  if (value.type === 'Literal') return typeof value.value === 'string' ? value.value : null;
  if (value.type !== 'JSXExpressionContainer') return null;
  const e = value.expression;
  if (e.type === 'Literal') return typeof e.value === 'string' ? e.value : null;
  if (e.type === 'TemplateLiteral') return e.quasis.map((q) => q.value.cooked ?? '').join(' ');
  return null;
}

export const uiText = {
  meta: {
    type: 'problem',
    docs: { description: 'UI text in attributes comes from the translations' },
    messages: {
      literal:
        '"{{attribute}}" shows the words "{{text}}" in every language: take them from the translations (t(…)).',
    },
    schema: [],
  },
  create(context) {
    return {
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !ATTRIBUTES.has(node.name.name)) return;
        const text = fixedText(node.value);
        if (text === null || !WORD.test(text)) return;
        context.report({
          node,
          messageId: 'literal',
          data: { attribute: node.name.name, text: text.trim().slice(0, 40) },
        });
      },
    };
  },
};

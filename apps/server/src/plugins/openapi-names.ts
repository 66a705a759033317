/**
 * Names every operation from its method and path, so generated clients get stable,
 * readable method names without each route having to spell one out:
 * `GET /api/persons/:id/history` → `getPersonsByIdHistory`.
 */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^[:{](\w+)\}?$/.exec(segment);
      return param ? `By${capitalize(param[1]!)}` : segment.split(/[-_.]/).map(capitalize).join('');
    });
  return method.toLowerCase() + words.join('');
}

/** The first path segment after /api groups an operation with its siblings. */
export function tagFor(url: string): string {
  return url.replace(/^\/api\/?/, '').split('/')[0] || 'api';
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

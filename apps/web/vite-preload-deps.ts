import type { Plugin, UserConfig } from 'vite';

type ResolveDependencies = NonNullable<
  Exclude<NonNullable<UserConfig['build']>['modulePreload'], boolean | undefined>
>['resolveDependencies'];

/**
 * Shorter preload lists for on-demand chunks. Before each `import()` Vite writes the list of
 * scripts that chunk needs, so the browser fetches them side by side instead of one after the
 * other; but the list also names every script the importing chunk (and the app's entry) had
 * to load before it could run at all, which the browser already has. Every page's list sat in
 * the entry chunk, the login page's first download. This drops those, and keeps the ones that
 * are still to be fetched: the browser loads exactly what it loaded before, in the same order.
 *
 * `plugin` reads the build's static imports before Vite writes the lists (its hook runs
 * first), and `resolveDependencies` goes in `build.modulePreload`.
 */
export function preloadDeps(): { plugin: Plugin; resolveDependencies: ResolveDependencies } {
  const imports = new Map<string, readonly string[]>();
  const entries: string[] = [];
  const loaded = new Map<string, Set<string>>();

  /** The chunk and every chunk it imports statically, transitively: all there once it runs. */
  const closure = (file: string): Set<string> => {
    let seen = loaded.get(file);
    if (seen) return seen;
    seen = new Set<string>();
    const stack = [file];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(imports.get(next) ?? []));
    }
    loaded.set(file, seen);
    return seen;
  };

  return {
    plugin: {
      name: 'spotter-preload-deps',
      apply: 'build',
      generateBundle(_options, bundle) {
        imports.clear();
        loaded.clear();
        entries.length = 0;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          imports.set(chunk.fileName, chunk.imports);
          if (chunk.isEntry) entries.push(chunk.fileName);
        }
      },
    },
    resolveDependencies(_file, deps, { hostId, hostType }) {
      // Nothing is known about the page's own HTML; leave its lists alone.
      if (hostType !== 'js' || !imports.has(hostId)) return deps;
      // With one entry (index.html), its scripts ran before any other chunk could.
      const there = [closure(hostId), ...(entries.length === 1 ? entries.map(closure) : [])];
      return deps.filter((dep) => !there.some((set) => set.has(dep)));
    },
  };
}

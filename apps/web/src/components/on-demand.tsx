import { Suspense, lazy, useState, type ComponentType } from 'react';

/**
 * A dialog or drawer whose code is fetched the first time it opens, not with the page that
 * may open it: a board that nobody edits a task on never downloads the task form, its date
 * pickers and phone parsing. Once opened it stays mounted, so it closes with its transition
 * and opens again at once. `isOpen` says from its props whether it is open.
 */
export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    const [wanted, setWanted] = useState(false);
    const open = isOpen(props);
    if (open && !wanted) setWanted(true);
    if (!wanted && !open) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}

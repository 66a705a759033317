import { readFileSync } from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };

type Namespace =
  | 'common'
  | 'auth'
  | 'setup'
  | 'home'
  | 'settings'
  | 'contacts'
  | 'card'
  | 'crm'
  | 'imports'
  | 'board'
  | 'tasks'
  | 'taskSettings'
  | 'notifications'
  | 'twoStep'
  | 'clubEvents'
  | 'leadForms'
  | 'speedToLead'
  | 'webhooks'
  | 'deals'
  | 'reports';

/** The UI's own translation files, so journeys look for the labels users actually see. */
export function labels(lng: string) {
  const read = (ns: string) =>
    JSON.parse(
      readFileSync(path.resolve('apps/web/src/locales', lng, `${ns}.json`), 'utf8'),
    ) as Tree;
  const lookup = (tree: Tree, key: string): string => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no ${lng} label ${key}`);
    return node;
  };
  const files = new Map<string, Tree>();
  return (ns: Namespace, key: string) => {
    if (!files.has(ns)) files.set(ns, read(ns));
    return lookup(files.get(ns)!, key);
  };
}

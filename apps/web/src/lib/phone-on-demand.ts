import { useEffect, useState } from 'react';
import type { formatPhone } from './phone.ts';

type Formatter = typeof formatPhone;

let loaded: Formatter | null = null;
let loading: Promise<Formatter> | null = null;

/** Shows a number as stored: what a page falls back to when the formatter could not be fetched. */
const asStored: Formatter = (stored) => stored;

/**
 * Fetches the phone formatter (the phone library and its metadata, about 30 kB gzipped) once.
 * A failed fetch answers with numbers as stored and is tried again next time.
 */
export function loadPhoneFormatter(): Promise<Formatter> {
  loading ??= import('./phone.ts').then(
    (m) => (loaded = m.formatPhone),
    () => {
      loading = null;
      return asStored;
    },
  );
  return loading;
}

/**
 * The phone formatter for a part of a page that shows phones only now and then (search hits):
 * null until it has arrived; fetching starts once `wanted`, e.g. when someone starts typing, so
 * it is there by the time the answer it formats is.
 */
export function usePhoneFormatter(wanted: boolean): Formatter | null {
  const [format, setFormat] = useState<Formatter | null>(() => loaded);
  useEffect(() => {
    if (!wanted || format) return;
    let live = true;
    void loadPhoneFormatter().then((f) => {
      if (live) setFormat(() => f);
    });
    return () => {
      live = false;
    };
  }, [wanted, format]);
  return format ?? loaded;
}

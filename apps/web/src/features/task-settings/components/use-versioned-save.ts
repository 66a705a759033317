import { useVersionConflict } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { showFailure, type SetErrors } from '../../../lib/feedback.ts';

type Versioned = { id: string; version: number };

interface SaveCallbacks<T> {
  onSuccess: (saved: T) => void;
  onError: (err: unknown) => void;
}

/**
 * Saving a versioned settings entry (a template, a dictionary) from its dialog: a create, or
 * an update on top of the version the dialog opened with. When someone else saved it in the
 * meantime (409 `version_conflict`) the user chooses, in `conflict`'s dialog, between their
 * copy and ours instead of one of the two changes being lost.
 */
export function useVersionedSave<T extends Versioned, V>(opts: {
  /** The entry the dialog edits; null while it adds one. */
  editing: T | null;
  /** The list again, to find the entry's newest copy. */
  refetch: () => Promise<{ data?: { items: T[] } | undefined }>;
  /** Show the newest copy in the dialog. */
  reload: (latest: T) => void;
  create: (values: V, callbacks: SaveCallbacks<T>) => void;
  update: (values: V, target: Versioned, callbacks: SaveCallbacks<T>) => void;
  onSaved: (saved: T) => void;
  /** Where the server's field errors go in this form, when its paths differ from the API's. */
  fieldErrors?: (errors: Record<string, string>) => Record<string, string>;
}) {
  const { editing, fieldErrors } = opts;

  const save = (values: V, version: number | undefined, setErrors?: SetErrors) => {
    const setFieldErrors =
      setErrors &&
      (fieldErrors ? (e: Record<string, string>) => setErrors(fieldErrors(e)) : setErrors);
    const callbacks: SaveCallbacks<T> = {
      onSuccess: opts.onSaved,
      onError: (err) => {
        if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
        else showFailure(err, setFieldErrors);
      },
    };
    if (editing)
      opts.update(values, { id: editing.id, version: version ?? editing.version }, callbacks);
    else opts.create(values, callbacks);
  };

  const conflict = useVersionConflict({
    refetch: async () => {
      const latest = await opts.refetch();
      return { data: latest.data?.items.find((x) => x.id === editing?.id) };
    },
    reset: opts.reload,
    save: (values: V, version) => save(values, version),
  });

  return {
    /** The dialog's submit: saves on top of the version it was opened with. */
    submit: (values: V, setErrors: SetErrors) => save(values, editing?.version, setErrors),
    conflict,
  };
}

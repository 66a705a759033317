import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A versioned form whose save met someone else's newer save (409 `version_conflict`):
 * remember what the user typed, then either reload theirs or overwrite it with ours.
 */
export function useVersionConflict<V, D extends { version: number }>(opts: {
  refetch: () => Promise<{ data?: D | undefined }>;
  /** Show the latest saved values in the form. */
  reset: (latest: D) => void;
  /** Save `values` again on top of `version`. */
  save: (values: V, version: number) => void;
}) {
  const [conflict, setConflict] = useState<V | null>(null);
  const reload = async () => {
    setConflict(null);
    const latest = await opts.refetch();
    if (latest.data) opts.reset(latest.data);
  };
  const overwrite = async () => {
    const values = conflict;
    setConflict(null);
    const latest = await opts.refetch();
    if (values !== null && latest.data) opts.save(values, latest.data.version);
  };
  return {
    conflict,
    onConflict: (values: V) => setConflict(values),
    dismiss: () => setConflict(null),
    reload,
    overwrite,
  };
}

export function VersionConflictModal(props: {
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
  onOverwrite: () => void;
  labels: { title: string; text: string; reload: string; overwrite: string };
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.labels.title}
      size="lg"
      centered
    >
      <Text size="sm">{props.labels.text}</Text>
      <Group justify="flex-end" mt="lg">
        <Button
          variant="default"
          onClick={props.onReload}
          data-autofocus
          data-testid="conflict-reload"
        >
          {props.labels.reload}
        </Button>
        <Button color="orange" onClick={props.onOverwrite} data-testid="conflict-overwrite">
          {props.labels.overwrite}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * The dialog of a `useVersionConflict` state, worded by the namespace's `conflict.title`,
 * `conflict.text`, `conflict.reload` and `conflict.overwrite`.
 */
export function VersionConflictDialog(props: {
  state: {
    conflict: unknown;
    dismiss: () => void;
    reload: () => Promise<void>;
    overwrite: () => Promise<void>;
  };
  ns: string;
}) {
  const { t } = useTranslation(props.ns);
  const { state } = props;
  return (
    <VersionConflictModal
      opened={state.conflict !== null}
      onClose={state.dismiss}
      onReload={() => void state.reload()}
      onOverwrite={() => void state.overwrite()}
      labels={{
        title: t('conflict.title'),
        text: t('conflict.text'),
        reload: t('conflict.reload'),
        overwrite: t('conflict.overwrite'),
      }}
    />
  );
}

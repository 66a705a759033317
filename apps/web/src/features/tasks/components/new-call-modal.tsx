import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { showFailure } from '../../../lib/feedback.ts';
import { useMe } from '../../auth/index.ts';
import { useContact } from '../../contact-card/index.ts';
import { useAddChildFor, useCreateTask, useEnterResult, useQuickPerson } from '../api/tasks-api.ts';
import { useTaskTemplates } from '../api/task-settings-read-api.ts';
import { missingFields, toResultFields, type FieldValues } from '../lib/result-values.ts';
import { ChildChooser, NEW_CHILD, noChild, type ChildChoice } from './child-chooser.tsx';
import type { PickedContact } from './contact-picker.tsx';
import { PersonFinder, type NewPerson } from './person-finder.tsx';
import { ResultChoice, ResultCommentInput } from './result-fields.tsx';
import { notifyResult } from './result-modal.tsx';

type Errors = Record<string, React.ReactNode>;

/** The person-create answer's field names → this dialog's fields. */
const PERSON_FIELDS: Record<string, string> = {
  firstName: 'firstName',
  lastName: 'lastName',
  'phones.0.number': 'phone',
  phones: 'phone',
};

/** The relation answer's field names (the new child) → this dialog's fields. */
const CHILD_FIELDS: Record<string, string> = {
  'person.firstName': 'childFirstName',
  'person.lastName': 'childLastName',
  'person.birthDate': 'childBirthDate',
  person: 'childFirstName',
  roleId: 'childRoleId',
};

/**
 * "New call" (T-9, seed 004): find or add the person by phone, then log the call and its result
 * in one form. Behind the scenes: a `call` task created and completed at once. A parent calling
 * about a child (issue 17) picks or adds the child, and the call — with the next step its result
 * starts — is the child's.
 */
export function NewCallModal(props: {
  opened: boolean;
  onClose: () => void;
  /** The person on the line, already known (a caller's card that popped up). */
  person?: PickedContact | null;
}) {
  const { t } = useTranslation('tasks');
  const me = useMe().data;
  const timeZone = me?.organization.timezone ?? 'UTC';
  const templates = useTaskTemplates().data?.items ?? [];
  const callTemplates = templates.filter((tpl) => tpl.type === 'call' && !tpl.archived);
  const quickPerson = useQuickPerson();
  const create = useCreateTask();
  const enter = useEnterResult();
  const addChild = useAddChildFor();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<PickedContact | null>(null);
  const [creating, setCreating] = useState<NewPerson | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [resultId, setResultId] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldValues>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [family, setFamily] = useState<ChildChoice>(noChild);
  // A retry after a failed result must not add the person or the call a second time.
  const [createdTaskId, setCreatedTaskId] = useState<string | null>(null);

  const defaultTemplate = (callTemplates.find((tpl) => tpl.isDefault) ?? callTemplates[0])?.id;
  useEffect(() => {
    if (!props.opened) return;
    setQuery('');
    setPicked(props.person ?? null);
    setCreating(null);
    setTemplateId(defaultTemplate ?? null);
    setResultId(null);
    setFields({});
    setComment('');
    setErrors({});
    setCreatedTaskId(null);
    setFamily(noChild());
    // Only on opening: the person handed in is where the dialog starts, then the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, defaultTemplate]);

  const template = templates.find((tpl) => tpl.id === templateId);
  const chosen = template?.results.find((r) => r.id === resultId);
  const busy = quickPerson.isPending || create.isPending || enter.isPending || addChild.isPending;
  const caller = useContact('person', picked?.kind === 'person' ? picked.id : '');
  const parentLastName = creating ? creating.lastName.trim() : (caller.data?.lastName ?? '');
  const addingChild = family.about && family.pick === NEW_CHILD;

  const validate = (): Errors => {
    const e: Errors = {};
    if (!picked && !creating) e.person = t('validation.person');
    if (creating && !creating.phone.trim()) e.phone = t('validation.required');
    if (family.about && !family.pick) e.child = t('validation.pickChild');
    if (addingChild && !family.child.firstName.trim()) e.childFirstName = t('validation.required');
    if (addingChild && !family.child.birthDate) e.childBirthDate = t('validation.required');
    if (!templateId) e.templateId = t('validation.required');
    if ((template?.results.some((r) => !r.archived) ?? false) && !resultId) {
      e.resultId = t('validation.pickResult');
    }
    return {
      ...e,
      ...missingFields(chosen?.fields ?? [], fields, {
        required: t('validation.required'),
        invalid: t('validation.number'),
      }),
    };
  };

  const personId = async (): Promise<string | null> => {
    if (picked) return picked.id;
    if (!creating) return null;
    try {
      const { person } = await quickPerson.mutateAsync({
        firstName: creating.firstName.trim() || undefined,
        lastName: creating.lastName.trim() || undefined,
        phones: [{ number: creating.phone.trim(), label: 'mobile' }],
        // The CRM settings' new-caller defaults: a status, and this staff member as responsible.
        intake: 'new_call',
      });
      // From here on the person exists: a retry picks them instead of adding them again.
      setPicked({ id: person.id, kind: 'person', name: person.displayName });
      setCreating(null);
      return person.id;
    } catch (err) {
      showFailure(err, (fields) => {
        const mapped: Errors = {};
        for (const [k, v] of Object.entries(fields)) mapped[PERSON_FIELDS[k] ?? k] = v;
        setErrors(mapped);
      });
      return null;
    }
  };

  /** Who the call is about: the caller, or the child picked or added for them. */
  const subjectId = async (callerId: string): Promise<string | null> => {
    if (!family.about) return callerId;
    if (family.pick !== NEW_CHILD) return family.pick;
    try {
      const { relation } = await addChild.mutateAsync({
        parentId: callerId,
        roleId: family.child.roleId,
        person: {
          firstName: family.child.firstName.trim(),
          lastName: family.child.lastName.trim(),
          birthDate: family.child.birthDate,
        },
      });
      // The child exists now: a retry picks them instead of adding them again.
      setFamily((f) => ({ ...f, pick: relation.person.id }));
      return relation.person.id;
    } catch (err) {
      showFailure(err, (fields) => {
        const mapped: Errors = {};
        for (const [k, v] of Object.entries(fields)) mapped[CHILD_FIELDS[k] ?? k] = v;
        setErrors(mapped);
      });
      return null;
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !templateId) return;
    const callerId = await personId();
    if (!callerId) return;
    const contactId = await subjectId(callerId);
    if (!contactId) return;
    try {
      let taskId = createdTaskId;
      if (!taskId) {
        const task = await create.mutateAsync({
          templateId,
          contactId,
          assigneeId: me?.user.id ?? null,
          dueAt: new Date().toISOString(),
        });
        taskId = task.id;
        setCreatedTaskId(task.id);
      }
      const res = await enter.mutateAsync({
        id: taskId,
        resultId,
        fields: toResultFields(chosen?.fields ?? [], fields),
        comment: comment.trim(),
      });
      notifyResult(res, t, timeZone);
      props.onClose();
    } catch (err) {
      showFailure(err, setErrors);
    }
  };

  return (
    <FormModal
      opened={props.opened}
      title={t('call.title')}
      size="lg"
      loading={busy}
      saveTestId="call-save"
      submitLabel={t('call.save')}
      formTestId="new-call-form"
      onSubmit={(e) => void submit(e)}
      onClose={props.onClose}
    >
      <PersonFinder
        query={query}
        onQuery={setQuery}
        picked={picked}
        onPick={(p, aboutChildId) => {
          setPicked(p);
          // Another caller has other children; a child found by the caller's phone is picked.
          setFamily(aboutChildId ? { ...noChild(), about: true, pick: aboutChildId } : noChild());
          setErrors({});
        }}
        creating={creating}
        onCreating={setCreating}
        errors={errors}
      />
      {(picked?.kind === 'person' || creating) && (
        <ChildChooser
          parentId={picked?.kind === 'person' ? picked.id : null}
          parentLastName={parentLastName}
          value={family}
          onChange={(v) => {
            setFamily(v);
            setErrors({});
          }}
          errors={errors}
        />
      )}
      {callTemplates.length > 1 && (
        <Select
          label={t('fields.template')}
          required
          data={callTemplates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          value={templateId}
          onChange={(v) => {
            setTemplateId(v);
            setResultId(null);
          }}
          error={errors.templateId}
          comboboxProps={{ withinPortal: true }}
          data-testid="call-template"
        />
      )}
      <ResultChoice
        template={template}
        templates={templates}
        resultId={resultId}
        onResult={(id) => {
          setResultId(id);
          setErrors({});
        }}
        values={fields}
        onValue={(id, v) => setFields((prev) => ({ ...prev, [id]: v }))}
        errors={errors}
      />
      <ResultCommentInput
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        testId="call-comment"
      />
    </FormModal>
  );
}

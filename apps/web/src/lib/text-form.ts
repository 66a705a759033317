import { useState, type ChangeEvent } from 'react';
import * as z from 'zod/mini';

type Errors = Record<string, string>;

/**
 * A form of text fields checked against its contract on submit, for the login page and its
 * code step: what `useForm` of @mantine/form with its zod resolver does there, without its
 * 6 kB in the first download of every visitor. An error per field from the schema's issues (the
 * last one for a field, as the resolver does), a field's error cleared when it changes, server
 * errors set by path; the submit handler gets the values as typed. Other forms use @mantine/form.
 */
export function useTextForm<T extends Record<string, string>>(
  schema: z.ZodMiniType<unknown, T>,
  initialValues: T,
) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Errors>({});

  const setFieldValue = (path: keyof T & string, value: string) => {
    setValues((current) => ({ ...current, [path]: value }));
    setErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _cleared, ...rest } = current;
      return rest;
    });
  };

  const onSubmit = (handler: (values: T) => void) => (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    const parsed = z.safeParse(schema, values);
    if (parsed.success) {
      setErrors({});
      handler(values);
      return;
    }
    const found: Errors = {};
    for (const issue of parsed.error.issues) found[issue.path.join('.')] = issue.message;
    setErrors(found);
  };

  const getInputProps = (path: keyof T & string) => ({
    value: values[path],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setFieldValue(path, event.currentTarget.value),
    error: errors[path],
    'data-path': path,
  });

  return { values, errors, setErrors, setFieldValue, onSubmit, getInputProps };
}

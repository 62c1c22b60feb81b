import { Alert } from '@mantine/core';

/** The message above a form's buttons when a call failed for a reason that belongs to no single field. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;
}

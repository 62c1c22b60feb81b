import type { ReactNode } from 'react';

/**
 * Holds a form's fields disabled until its record has loaded, so nothing is typed into a field
 * that is about to be filled. A plain fieldset disables every native control inside it.
 */
export function LoadingFieldset({ loaded, children }: { loaded: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={!loaded} aria-busy={!loaded} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {children}
    </fieldset>
  );
}

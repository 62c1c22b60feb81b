import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { AuthLayout } from '../../ui/AuthLayout';
import { RestoreFlow } from './RestoreFlow';

/**
 * Restoring before anyone is signed in: on the first-run screen of a new PC,
 * or from the unlock screen (when the vault here is damaged, or every password
 * of it is lost). Ends on the unlock screen, which says the vault was restored.
 */
export function RestoreScreen({ mode, onBack }: { mode: 'new' | 'locked'; onBack(): void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('backups.restore.title')} width={680}>
      <RestoreFlow
        mode={mode}
        onCancel={onBack}
        onDone={(result) => {
          onBack();
          void useSession.getState().applyStatus(result.status);
        }}
      />
    </AuthLayout>
  );
}

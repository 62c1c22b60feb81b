import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Language } from '../contract';
import { changeLanguage, chooseLanguageBeforeSignIn, currentLanguage } from '../i18n';

/**
 * Switches every visible string at once; remembered on this computer and for the user. Chosen before
 * signing in, it stands after sign-in and becomes the account's language.
 */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : currentLanguage();
  const choose = async (value: string) => {
    const next = value as Language;
    if (!signedIn) return chooseLanguageBeforeSignIn(next);
    await changeLanguage(next);
    await call('session.setLanguage', { language: next }).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void choose(value)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
      title={t('language.label')}
    />
  );
}

import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Level = 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

const common = /^(password|passw0rd|kata ?sandi|sebaya|qwerty|1234|abcd|admin|sekolah)/i;

/** A rough hint, not a gate: length counts most, then variety; known weak starts count against. */
export function passwordLevel(password: string): Level {
  if (password.length < 10) return 'tooShort';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const repeated = /(.)\1{3,}/.test(password);
  let score = password.length >= 16 ? 3 : password.length >= 12 ? 2 : 1;
  score += kinds >= 3 ? 1 : 0;
  score += password.includes(' ') && password.length >= 14 ? 1 : 0;
  if (common.test(password) || repeated) score -= 2;
  if (score <= 1) return 'weak';
  if (score === 2) return 'fair';
  if (score === 3) return 'good';
  return 'strong';
}

const shown: Record<Level, { value: number; color: string }> = {
  tooShort: { value: 10, color: 'red' },
  weak: { value: 30, color: 'orange' },
  fair: { value: 55, color: 'yellow' },
  good: { value: 80, color: 'teal' },
  strong: { value: 100, color: 'green' },
};

export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  if (!password) return null;
  const level = passwordLevel(password);
  const label = t('strength.label', { level: t(`strength.${level}`) });
  return (
    <div>
      <Progress value={shown[level].value} color={shown[level].color} size="sm" aria-label={label} />
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {label}
      </Text>
    </div>
  );
}

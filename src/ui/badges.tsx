import { Badge } from '@mantine/core';

// Badges sit in narrow table cells; they keep their whole word instead of shrinking to an ellipsis.
const whole = { minWidth: 'max-content' } as const;
import { useTranslation } from 'react-i18next';
import type { CaseSeverity, CaseStatus, ReferralStatus, SessionLogStatus } from '../contract';

const severityColor: Record<CaseSeverity, string> = { urgent: 'red', high: 'orange', routine: 'blue' };

export function SeverityBadge({ severity }: { severity: CaseSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColor[severity]} variant={severity === 'urgent' ? 'filled' : 'light'} style={whole}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

const caseStatusColor: Record<CaseStatus, string> = { open: 'red', in_review: 'yellow', monitoring: 'teal', referred: 'grape', closed: 'gray' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={caseStatusColor[status]} variant="light" style={whole}>
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

const referralColor: Record<ReferralStatus, string> = { pending: 'yellow', accepted: 'blue', declined: 'gray', completed: 'teal' };

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={referralColor[status]} variant="light" style={whole}>
      {t(`referralStatus.${status}`)}
    </Badge>
  );
}

const logColor: Record<SessionLogStatus, string> = { draft: 'gray', submitted: 'yellow', returned: 'orange', approved: 'teal' };

export function LogStatusBadge({ status }: { status: SessionLogStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={logColor[status]} variant="light" style={whole}>
      {t(`logStatus.${status}`)}
    </Badge>
  );
}

import { Alert, Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import {
  caseOutcomes,
  limits,
  localDate,
  referralTransitions,
  type CaseDetail,
  type CaseOutcome,
  type CaseStatus,
  type Referral,
  type ReferralService,
  type ReferralStatus,
} from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormError } from '../../ui/FormError';
import { FormFooter } from '../../ui/FormFooter';
import { useFormAction } from '../../ui/useFormAction';
import { useDialogValues } from '../../ui/useValuesFromData';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';
import { IconPlus } from '@tabler/icons-react';
import { ServiceFormModal } from './DirectoryPanel';

interface DialogProps {
  detail: CaseDetail;
  opened: boolean;
  onClose(): void;
  onSaved(detail: CaseDetail): void;
}

/**
 * Moves the case to one of the statuses its machine allows; closing asks for the outcome.
 * `initialTo` preselects a status (the case page's "Close the case" opens it on closed).
 */
export function TransitionModal({ detail, opened, onClose, onSaved, initialTo }: DialogProps & { initialTo?: CaseStatus | null }) {
  const { t } = useTranslation();
  const c = detail.case;
  const form = useAppForm<{ to: CaseStatus | null; outcome: CaseOutcome | null; note: string }>({
    mode: 'controlled',
    initialValues: { to: null, outcome: null, note: '' },
    validate: {
      to: (value) => (value ? null : t('validation.required', { field: t('fields.to') })),
      outcome: (value, values) => (values.to === 'closed' && !value ? t('validation.required', { field: t('fields.outcome') }) : null),
    },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  const firstTo = initialTo && detail.allowedTransitions.includes(initialTo) ? initialTo : (detail.allowedTransitions[0] ?? null);
  useDialogValues(form, opened, c.id, () => ({ to: firstTo, outcome: null, note: '' }));
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, `case-status:${c.id}`, 'cases', opened);

  const submit = form.onSubmit(async (values) => {
    const to = values.to;
    if (!to) return;
    await run(async () => {
      const saved = await call('cases.transition', {
        id: c.id,
        version: c.version,
        to,
        note: values.note,
        ...(to === 'closed' && values.outcome ? { outcome: values.outcome } : {}),
      });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('transition.saved', { id: c.id, status: t(`caseStatus.${saved.case.status}`) }) });
      onSaved(saved);
    });
  });

  const needsReferral = form.values.to === 'referred' && detail.referrals.length === 0;
  return (
    <AppModal opened={opened} onClose={close} title={t('transition.title', { id: c.id })}>
      {detail.allowedTransitions.length === 0 ? (
        <Stack>
          <Text>{t('transition.none')}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <RestoredDraftNotice shown={restored} />
            <Select
              label={t('transition.to')}
              withAsterisk
              allowDeselect={false}
              data={detail.allowedTransitions.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
              {...form.getInputProps('to')}
            />
            {needsReferral ? (
              <Alert color="orange" variant="light">
                {t('transition.needsReferral')}
              </Alert>
            ) : null}
            {form.values.to === 'closed' ? (
              <Select
                label={t('transition.outcome')}
                withAsterisk
                data={caseOutcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
                {...form.getInputProps('outcome')}
              />
            ) : null}
            <Textarea
              label={form.values.to === 'closed' ? t('transition.outcomeNote') : t('transition.note')}
              autosize
              minRows={2}
              maxLength={limits.longText}
              {...form.getInputProps('note')}
            />
            <FormError error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={needsReferral}>
                {t('casePage.moveTo')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

/** Gives the case to another supervisor or coordinator; the previous one may lose sight of it. */
export function ReassignModal({ detail, opened, onClose, onDone }: { detail: CaseDetail; opened: boolean; onClose(): void; onDone(visible: boolean, name: string): void }) {
  const { t } = useTranslation();
  const c = detail.case;
  const assignees = useCall('cases.assignees', {});
  const form = useAppForm<{ assignedUserId: string | null; note: string }>({
    mode: 'controlled',
    initialValues: { assignedUserId: null, note: '' },
    validate: { assignedUserId: (value) => (value ? null : t('validation.required', { field: t('fields.assignedUserId') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  useEffect(() => {
    if (!opened) return;
    form.setValues({ assignedUserId: null, note: '' });
    form.resetDirty();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, c.id]);
  const restored = useFormDraft(form, `reassign:${c.id}`, 'cases', opened);
  const options = (assignees.data?.assignees ?? [])
    .filter((a) => a.id !== c.assignedUserId)
    .map((a) => ({ value: String(a.id), label: `${a.fullName} (${t(`roles.${a.role}`)})` }));
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const result = await call('cases.reassign', { id: c.id, version: c.version, assignedUserId: Number(values.assignedUserId), note: values.note });
      const name = options.find((o) => o.value === values.assignedUserId)?.label ?? '';
      onDone(result.visible, name);
    });
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('reassign.title', { id: c.id })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Select label={t('reassign.to')} withAsterisk data={options} data-autofocus {...form.getInputProps('assignedUserId')} />
          <Textarea label={t('reassign.note')} autosize minRows={2} maxLength={limits.longText} {...form.getInputProps('note')} />
          <FormFooter error={error} busy={busy} submitLabel={t('casePage.reassign')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

interface ReferralValues {
  serviceId: string | null;
  referredOn: string;
  reason: string;
  hasConsent: boolean;
  consentBy: string;
  consentOn: string;
  overrideReason: string;
  followUpOn: string;
}

/**
 * Records a referral: where, when, why, and consent (who and when) or, only
 * when there is none, the written reason for going ahead anyway.
 */
export function ReferralModal({ detail, opened, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation();
  const c = detail.case;
  const services = useCall('referrals.services', {});
  const required = (field: string) => (value: string) => (value.trim() ? null : t('validation.required', { field: t(`fields.${field}` as 'fields.reason') }));
  const form = useAppForm<ReferralValues>({
    mode: 'controlled',
    initialValues: { serviceId: null, referredOn: '', reason: '', hasConsent: true, consentBy: '', consentOn: '', overrideReason: '', followUpOn: '' },
    validate: {
      serviceId: (value) => (value ? null : t('validation.required', { field: t('fields.serviceId') })),
      referredOn: required('referredOn'),
      reason: required('reason'),
      consentBy: (value, values) => (values.hasConsent ? required('by')(value) : null),
      consentOn: (value, values) => (values.hasConsent ? required('on')(value) : null),
      overrideReason: (value, values) => (values.hasConsent ? null : value.trim() ? null : t('validation.consent_required')),
      followUpOn: (value, values) => (value && values.referredOn && value < values.referredOn ? t('validation.before_referral') : null),
    },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  useEffect(() => {
    if (!opened) return;
    const today = localDate(new Date());
    form.setValues({ serviceId: null, referredOn: today, reason: '', hasConsent: true, consentBy: '', consentOn: today, overrideReason: '', followUpOn: '' });
    form.resetDirty();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, c.id]);
  const restored = useFormDraft(form, `referral:${c.id}`, 'cases', opened);
  // Issue 14: a service missing from the directory is added from here, over this dialog, which keeps what was typed.
  const [addingService, setAddingService] = useState(false);
  const serviceAdded = async (service: ReferralService) => {
    setAddingService(false);
    await services.reload();
    form.setFieldValue('serviceId', String(service.id));
  };

  const submit = form.onSubmit(async (v) => {
    await run(async () => {
      const saved = await call('referrals.create', {
        caseId: c.id,
        serviceId: Number(v.serviceId),
        referredOn: v.referredOn,
        reason: v.reason,
        consent: v.hasConsent ? { by: v.consentBy, on: v.consentOn } : null,
        overrideReason: v.hasConsent ? null : v.overrideReason,
        followUpOn: v.followUpOn || null,
      });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('referrals.saved') });
      onSaved(saved);
    });
  });

  const available = (services.data?.services ?? []).filter((s) => !s.archived);
  return (
    <>
      {/* Escape belongs to the service form while it is open over this one (Mantine tells every open dialog). */}
      <AppModal opened={opened} onClose={close} closeOnEscape={!addingService} title={t('referrals.makeTitle', { id: c.id })} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <RestoredDraftNotice shown={restored} />
            {services.data && available.length === 0 ? <Alert color="orange">{t('referrals.noServices')}</Alert> : null}
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <Select
                label={t('referrals.service')}
                withAsterisk
                searchable
                style={{ flex: 1 }}
                data={available.map((s) => ({ value: String(s.id), label: `${s.name}${s.organisation ? ` — ${s.organisation}` : ''} (${t(`serviceKinds.${s.kind}`)})` }))}
                {...form.getInputProps('serviceId')}
              />
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAddingService(true)}>
                {t('referrals.newService')}
              </Button>
            </Group>
            <DateField label={t('referrals.referredOn')} withAsterisk w={200} {...form.getInputProps('referredOn')} />
            <Textarea label={t('referrals.reason')} withAsterisk autosize minRows={2} maxLength={limits.longText} {...form.getInputProps('reason')} />
            <Text fz="sm" c="dimmed">
              {t('referrals.consentRule')}
            </Text>
            <Checkbox label={t('referrals.hasConsent')} {...form.getInputProps('hasConsent', { type: 'checkbox' })} />
            {form.values.hasConsent ? (
              <Group grow align="flex-start">
                <TextInput label={t('referrals.consentBy')} withAsterisk maxLength={limits.name} {...form.getInputProps('consentBy')} />
                <DateField label={t('referrals.consentOn')} withAsterisk {...form.getInputProps('consentOn')} />
              </Group>
            ) : (
              <Textarea
                label={t('referrals.overrideLabel')}
                description={t('referrals.overrideHint')}
                withAsterisk
                autosize
                minRows={2}
                maxLength={limits.longText}
                {...form.getInputProps('overrideReason')}
              />
            )}
            <DateField label={t('referrals.followUpOn')} w={200} {...form.getInputProps('followUpOn')} />
            <FormFooter error={error} busy={busy} submitLabel={t('casePage.makeReferral')} onCancel={close} />
          </Stack>
        </form>
      </AppModal>
      {/* Beside the referral's form, not inside it: a submit inside would bubble to the referral's through React. */}
      <ServiceFormModal service={null} opened={opened && addingService} onClose={() => setAddingService(false)} onSaved={(service) => void serviceAdded(service)} />
    </>
  );
}

/** pending → accepted or declined; accepted → completed; with a note and a new follow-up date. */
export function ReferralStatusModal({ referral, onClose, onSaved }: { referral: Referral | null; onClose(): void; onSaved(detail: CaseDetail): void }) {
  const { t } = useTranslation();
  const form = useAppForm<{ to: ReferralStatus | null; note: string; followUpOn: string }>({
    mode: 'controlled',
    initialValues: { to: null, note: '', followUpOn: '' },
    validate: { to: (value) => (value ? null : t('validation.required', { field: t('fields.to') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  const opened = referral !== null;
  useDialogValues(form, opened, referral?.id ?? 'none', () => ({
    to: referral ? (referralTransitions[referral.status][0] ?? null) : null,
    note: '',
    followUpOn: referral?.followUpOn ?? '',
  }));
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, `referral-status:${referral?.id ?? 'none'}`, 'cases', opened);
  const submit = form.onSubmit(async (v) => {
    const to = v.to;
    if (!referral || !to) return;
    await run(async () => {
      const saved = await call('referrals.setStatus', { id: referral.id, version: referral.version, to, note: v.note, followUpOn: v.followUpOn || null });
      notifications.show({ color: 'teal', message: t('referrals.statusSaved') });
      onSaved(saved);
    });
  });
  const options = referral ? referralTransitions[referral.status] : [];
  return (
    <AppModal opened={opened} onClose={close} title={referral ? t('referrals.statusTitle', { service: referral.serviceName }) : ''}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Select
            label={t('referrals.statusTo')}
            withAsterisk
            allowDeselect={false}
            data={options.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))}
            {...form.getInputProps('to')}
          />
          {form.values.to === 'accepted' || form.values.to === 'pending' ? (
            <DateField label={t('referrals.followUpOn')} w={200} {...form.getInputProps('followUpOn')} />
          ) : null}
          <Textarea label={t('referrals.statusNote')} autosize minRows={2} maxLength={limits.longText} {...form.getInputProps('note')} />
          <FormFooter error={error} busy={busy} submitLabel={t('referrals.setStatus')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

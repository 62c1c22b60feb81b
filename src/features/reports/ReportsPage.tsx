import { Alert, Group, Paper, Select, SimpleGrid, Stack, Text, Button } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { notifications } from '@mantine/notifications';
import { useCall } from '../../api/useCall';
import { useLongJob } from '../../api/useLongJob';
import { caseSeverities, meetingKinds, outreachKinds, referralStatuses, type Term, type TermReport } from '../../contract';
import { downloadBase64 } from '../../ui/download';
import { errorText } from '../../ui/errors';
import { formatDay } from '../../ui/format';
import { JobButton, JobProgress, showAlreadyRunning } from '../../ui/JobProgress';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { ChartCard } from './ChartCard';
import { ExportDialog } from './ExportDialog';

const colors = {
  main: 'var(--mantine-color-teal-6)',
  second: 'var(--mantine-color-indigo-5)',
  muted: 'var(--mantine-color-gray-4)',
  good: 'var(--mantine-color-teal-6)',
  neutral: 'var(--mantine-color-gray-5)',
  bad: 'var(--mantine-color-red-6)',
  urgent: 'var(--mantine-color-red-6)',
  high: 'var(--mantine-color-orange-5)',
  routine: 'var(--mantine-color-blue-5)',
};

const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };

export function useTermName() {
  const { t, i18n } = useTranslation();
  return (term: Pick<Term, 'semester' | 'academicYear' | 'start' | 'end'>, withDates = false) => {
    const name = t(term.semester === 1 ? 'reports.oddTerm' : 'reports.evenTerm', { year: term.academicYear });
    return withDates
      ? t('reports.termOption', { name, from: formatDay(term.start, i18n.language), to: formatDay(term.end, i18n.language) })
      : name;
  };
}

function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    n: (value: number) => number.format(value),
    pct: (value: number | null) => (value === null ? t('reports.none') : percent.format(value)),
    hours: (value: number | null) =>
      value === null
        ? t('reports.none')
        : value < 1
          ? t('reports.minutes', { value: Math.round(value * 60) })
          : t('reports.hours', { value: number.format(value) }),
    avg: (value: number | null) => (value === null ? t('reports.none') : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)),
    day: (value: string) => formatDay(value, i18n.language),
    shortDay: (value: string) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)),
  };
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint ? (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function hasAnyData(r: TermReport): boolean {
  return (
    r.sessions.total + r.supervision.meetings + r.outreach.events + r.referrals.total + r.who5.firstContacts + r.who5.pairs + r.feedback.responses + r.training.completions >
      0 || r.urgentResponse.cases > 0
  );
}

function Dashboard({ report }: { report: TermReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = report;

  const weeks = r.sessions.perWeek.map((w) => ({ label: f.shortDay(w.weekStart), sessions: w.sessions, weekStart: w.weekStart }));
  const topics = r.topics.map((x) => ({ label: t(`topics.${x.topic}`), sessions: x.sessions }));
  const returning = r.reach.helpSeekers - r.reach.newHelpSeekers;
  // With the school's size set, the ring shows the share of the student body; without it, new against returning.
  const reachPie = (
    r.studentCount
      ? [
          { name: t('reports.labels.helpSeekers'), value: r.reach.helpSeekers, color: colors.main },
          { name: t('reports.labels.otherStudents'), value: Math.max(0, r.studentCount - r.reach.helpSeekers), color: colors.muted },
        ]
      : [
          { name: t('reports.labels.newHelpSeekers'), value: r.reach.newHelpSeekers, color: colors.main },
          { name: t('reports.labels.returningHelpSeekers'), value: returning, color: colors.second },
        ]
  ).filter((x) => x.value > 0);
  const severities = caseSeverities.map((s) => ({ label: t(`reports.severities.${s}`), cases: r.escalation.casesOpened[s], color: colors[s] }));
  const timeliness = [
    { label: t('reports.labels.reviewSeries'), median: r.reviewTime.medianHours ?? 0, worst: r.reviewTime.worstHours ?? 0 },
    { label: t('reports.labels.urgentSeries'), median: r.urgentResponse.medianHours ?? 0, worst: r.urgentResponse.worstHours ?? 0 },
  ];
  const referrals = referralStatuses.map((s) => ({ label: t(`referralStatus.${s}`), referrals: r.referrals.byStatus[s] }));
  const attendance = [
    { name: t('reports.labels.present'), value: r.supervision.present, color: colors.main },
    { name: t('reports.labels.absent'), value: r.supervision.invited - r.supervision.present, color: colors.muted },
  ].filter((x) => x.value > 0);
  const training = [
    { name: t('reports.labels.trained'), value: r.training.trained, color: colors.main },
    { name: t('reports.labels.notTrained'), value: r.training.inProgram - r.training.trained, color: colors.muted },
  ].filter((x) => x.value > 0);
  const outreach = outreachKinds
    .map((k) => ({ label: t(`outreach.kinds.${k}`), events: r.outreach.byKind[k].events, reached: r.outreach.byKind[k].reached }))
    .filter((x) => x.events > 0);
  const who5Change = [
    { label: t('reports.labels.improved'), students: r.who5.improved, color: colors.good },
    { label: t('reports.labels.noMeaningfulChange'), students: r.who5.noMeaningfulChange, color: colors.neutral },
    { label: t('reports.labels.worsened'), students: r.who5.worsened, color: colors.bad },
  ];
  const feedback = (['helpful', 'feltHeard', 'wouldRecommend'] as const).map((k) => ({ label: t(`reports.labels.${k}`), average: r.feedback[k] ?? 0 }));

  const hours = (value: number) => t('reports.hours', { value: f.n(value) });
  const tooltip = { contentStyle: { fontSize: 13 } };

  return (
    <Stack gap="lg">
      <section aria-label={t('reports.keyFigures')}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Stat label={t('reports.labels.sessions')} value={f.n(r.sessions.total)} />
          <Stat
            label={t('reports.labels.helpSeekers')}
            value={f.n(r.reach.helpSeekers)}
            hint={r.studentCount ? `${f.pct(r.reach.share)} ${t('reports.studentsOfSchool', { count: r.studentCount })}` : undefined}
          />
          <Stat label={t('reports.labels.escalationRate')} value={f.pct(r.escalation.rate)} />
          <Stat label={t('reports.labels.attendanceRate')} value={f.pct(r.supervision.attendanceRate)} />
        </SimpleGrid>
      </section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartCard
          title={t('reports.sections.sessions.title')}
          explain={t('reports.sections.sessions.explain')}
          empty={r.sessions.total === 0}
          emptyText={t('reports.empty.sessions')}
          rows={[
            ...r.sessions.perWeek.map((w) => ({ label: t('reports.week', { day: f.day(w.weekStart) }), value: f.n(w.sessions) })),
            { label: t('reports.labels.sessions'), value: f.n(r.sessions.total) },
            { label: t('reports.labels.groupSessions'), value: f.n(r.sessions.groupSessions) },
            { label: t('reports.labels.studentsInGroups'), value: f.n(r.sessions.studentsInGroups) },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={weeks} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" minTickGap={12} />
                <YAxis allowDecimals={false} tick={axisTick} />
                <Tooltip {...tooltip} labelFormatter={(_l, p) => (p[0] ? t('reports.week', { day: f.day(String(p[0].payload.weekStart)) }) : '')} />
                <Bar isAnimationActive={false} dataKey="sessions" name={t('reports.labels.sessions')} fill={colors.main} radius={[3, 3, 0, 0]} />
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.topics.title')}
          explain={t('reports.sections.topics.explain')}
          empty={topics.length === 0}
          emptyText={t('reports.empty.topics')}
          rows={topics.map((x) => ({ label: x.label, value: f.n(x.sessions) }))}
          chart={
            <ResponsiveContainer>
              <BarChart data={topics} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={axisTick} />
                <YAxis type="category" dataKey="label" width={135} tick={axisTick} interval={0} />
                <Tooltip {...tooltip} />
                <Bar isAnimationActive={false} dataKey="sessions" name={t('reports.labels.sessions')} fill={colors.main} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.reach.title')}
          explain={t('reports.sections.reach.explain')}
          empty={r.reach.helpSeekers === 0}
          emptyText={t('reports.empty.reach')}
          headline={r.studentCount ? null : <Text fz="xs" c="dimmed">{t('reports.studentCountMissing')}</Text>}
          rows={[
            { label: t('reports.labels.helpSeekers'), value: f.n(r.reach.helpSeekers) },
            { label: t('reports.labels.newHelpSeekers'), value: f.n(r.reach.newHelpSeekers) },
            { label: t('reports.labels.returningHelpSeekers'), value: f.n(returning) },
            { label: t('reports.labels.studentCount'), value: r.studentCount === null ? t('reports.notSet') : f.n(r.studentCount) },
            { label: t('reports.labels.reachShare'), value: r.studentCount === null ? t('reports.notSet') : f.pct(r.reach.share) },
          ]}
          chart={<Donut data={reachPie} centre={r.studentCount ? f.pct(r.reach.share) : f.n(r.reach.helpSeekers)} />}
        />

        <ChartCard
          title={t('reports.sections.escalation.title')}
          explain={t('reports.sections.escalation.explain')}
          empty={r.escalation.submittedLogs === 0}
          emptyText={t('reports.empty.escalation')}
          headline={
            <Text fz="sm">
              <b>{f.pct(r.escalation.rate)}</b> · {f.n(r.escalation.escalatedLogs)} / {f.n(r.escalation.submittedLogs)}
            </Text>
          }
          rows={[
            { label: t('reports.labels.submittedLogs'), value: f.n(r.escalation.submittedLogs) },
            { label: t('reports.labels.escalatedLogs'), value: f.n(r.escalation.escalatedLogs) },
            { label: t('reports.labels.escalationRate'), value: f.pct(r.escalation.rate) },
            ...caseSeverities.map((s) => ({
              label: t('reports.labels.casesOpened', { severity: t(`reports.severities.${s}`) }),
              value: f.n(r.escalation.casesOpened[s]),
            })),
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={severities} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={axisTick} />
                <YAxis allowDecimals={false} tick={axisTick} />
                <Tooltip {...tooltip} />
                <Bar isAnimationActive={false} dataKey="cases" name={t('reports.labels.casesOpened', { severity: '' }).replace(/:\s*$/, '')} radius={[3, 3, 0, 0]}>
                  {severities.map((s) => (
                    <Cell key={s.label} fill={s.color} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.timeliness.title')}
          explain={t('reports.sections.timeliness.explain')}
          empty={r.reviewTime.reviewed === 0 && r.urgentResponse.cases === 0}
          emptyText={t('reports.empty.timeliness')}
          // Bars of a few minutes are too short to see, so the medians are also written out.
          headline={
            <Text fz="sm">
              {t('reports.labels.timelinessHeadline', { review: f.hours(r.reviewTime.medianHours), urgent: f.hours(r.urgentResponse.medianHours) })}
            </Text>
          }
          rows={[
            { label: t('reports.labels.reviewed'), value: f.n(r.reviewTime.reviewed) },
            { label: t('reports.labels.reviewWaiting'), value: f.n(r.reviewTime.waiting) },
            { label: t('reports.labels.reviewMedian'), value: f.hours(r.reviewTime.medianHours) },
            { label: t('reports.labels.reviewWorst'), value: f.hours(r.reviewTime.worstHours) },
            { label: t('reports.labels.urgentCases'), value: f.n(r.urgentResponse.cases) },
            { label: t('reports.labels.urgentWaiting'), value: f.n(r.urgentResponse.waiting) },
            { label: t('reports.labels.urgentMedian'), value: f.hours(r.urgentResponse.medianHours) },
            { label: t('reports.labels.urgentWorst'), value: f.hours(r.urgentResponse.worstHours) },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={timeliness} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={axisTick} tickFormatter={(v: number) => hours(v)} />
                <YAxis type="category" dataKey="label" width={170} tick={axisTick} interval={0} />
                <Tooltip {...tooltip} formatter={(v) => hours(Number(v))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar isAnimationActive={false} dataKey="median" name={t('reports.labels.median')} fill={colors.main} />
                <Bar isAnimationActive={false} dataKey="worst" name={t('reports.labels.worst')} fill={colors.high} />
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.referrals.title')}
          explain={t('reports.sections.referrals.explain')}
          empty={r.referrals.total === 0}
          emptyText={t('reports.empty.referrals')}
          rows={[
            ...referrals.map((x) => ({ label: x.label, value: f.n(x.referrals) })),
            { label: t('reports.labels.referralsTotal'), value: f.n(r.referrals.total) },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={referrals} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={axisTick} interval={0} />
                <YAxis allowDecimals={false} tick={axisTick} />
                <Tooltip {...tooltip} />
                <Bar isAnimationActive={false} dataKey="referrals" name={t('reports.labels.referralsTotal')} fill={colors.second} radius={[3, 3, 0, 0]} />
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.supervision.title')}
          explain={t('reports.sections.supervision.explain')}
          empty={r.supervision.meetings === 0}
          emptyText={t('reports.empty.supervision')}
          headline={
            <Text fz="sm">
              {t('reports.labels.meetings')}: <b>{f.n(r.supervision.meetings)}</b> · {t('reports.labels.meetingHours')}: <b>{f.n(r.supervision.hours)}</b>
            </Text>
          }
          rows={[
            { label: t('reports.labels.meetings'), value: f.n(r.supervision.meetings) },
            ...meetingKinds.map((k) => ({ label: t('reports.labels.meetingKind', { kind: t(`reports.meetingKinds.${k}`) }), value: f.n(r.supervision.byKind[k]) })),
            { label: t('reports.labels.meetingHours'), value: f.hours(r.supervision.hours) },
            { label: t('reports.labels.invited'), value: f.n(r.supervision.invited) },
            { label: t('reports.labels.present'), value: f.n(r.supervision.present) },
            { label: t('reports.labels.attendanceRate'), value: f.pct(r.supervision.attendanceRate) },
            { label: t('reports.labels.activePeers'), value: f.n(r.supervision.activePeers) },
            { label: t('reports.labels.peersSupervised'), value: f.n(r.supervision.peersSupervised) },
          ]}
          chart={<Donut data={attendance} centre={f.pct(r.supervision.attendanceRate)} />}
        />

        <ChartCard
          title={t('reports.sections.training.title')}
          explain={t('reports.sections.training.explain')}
          empty={r.training.inProgram === 0}
          emptyText={t('reports.empty.training')}
          rows={[
            { label: t('reports.labels.inProgram'), value: f.n(r.training.inProgram) },
            { label: t('reports.labels.trained'), value: f.n(r.training.trained) },
            { label: t('reports.labels.trainedRate'), value: f.pct(r.training.rate) },
            { label: t('reports.labels.completions'), value: f.n(r.training.completions) },
            { label: t('reports.labels.trainingHours'), value: f.hours(r.training.hours) },
          ]}
          chart={<Donut data={training} centre={f.pct(r.training.rate)} />}
        />

        <ChartCard
          title={t('reports.sections.outreach.title')}
          explain={t('reports.sections.outreach.explain')}
          empty={r.outreach.events === 0}
          emptyText={t('reports.empty.outreach')}
          headline={
            <Text fz="sm">
              {t('reports.labels.outreachEvents')}: <b>{f.n(r.outreach.events)}</b> · {t('reports.labels.outreachReached')}: <b>{f.n(r.outreach.reached)}</b>
            </Text>
          }
          rows={[
            ...outreach.flatMap((x) => [{ label: `${x.label}: ${t('reports.labels.events').toLowerCase()}`, value: f.n(x.events) }, { label: `${x.label}: ${t('reports.labels.reached').toLowerCase()}`, value: f.n(x.reached) }]),
            { label: t('reports.labels.outreachEvents'), value: f.n(r.outreach.events) },
            { label: t('reports.labels.outreachReached'), value: f.n(r.outreach.reached) },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={outreach} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={axisTick} />
                <YAxis type="category" dataKey="label" width={135} tick={axisTick} interval={0} />
                <Tooltip {...tooltip} />
                <Bar isAnimationActive={false} dataKey="reached" name={t('reports.labels.outreachReached')} fill={colors.main} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.who5.title')}
          explain={t('reports.sections.who5.explain')}
          empty={r.who5.pairs === 0}
          emptyText={t('reports.empty.who5')}
          headline={
            r.who5.pairs > 0 ? (
              <Text fz="sm">
                {f.n(r.who5.baselineMean ?? 0)} → <b>{f.n(r.who5.followUpMean ?? 0)}</b> ({r.who5.meanChange !== null && r.who5.meanChange > 0 ? '+' : ''}
                {f.n(r.who5.meanChange ?? 0)})
              </Text>
            ) : null
          }
          rows={[
            { label: t('reports.labels.firstContacts'), value: f.n(r.who5.firstContacts) },
            { label: t('reports.labels.pairs'), value: f.n(r.who5.pairs) },
            { label: t('reports.labels.baselineMean'), value: r.who5.baselineMean === null ? t('reports.none') : f.n(r.who5.baselineMean) },
            { label: t('reports.labels.followUpMean'), value: r.who5.followUpMean === null ? t('reports.none') : f.n(r.who5.followUpMean) },
            { label: t('reports.labels.meanChange'), value: r.who5.meanChange === null ? t('reports.none') : f.n(r.who5.meanChange) },
            { label: t('reports.labels.improved'), value: f.n(r.who5.improved) },
            { label: t('reports.labels.noMeaningfulChange'), value: f.n(r.who5.noMeaningfulChange) },
            { label: t('reports.labels.worsened'), value: f.n(r.who5.worsened) },
            { label: t('reports.labels.poorAtBaseline'), value: f.n(r.who5.poorAtBaseline) },
            { label: t('reports.labels.poorAtFollowUp'), value: f.n(r.who5.poorAtFollowUp) },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={who5Change} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={axisTick} />
                <YAxis type="category" dataKey="label" width={170} tick={axisTick} interval={0} />
                <Tooltip {...tooltip} />
                <Bar isAnimationActive={false} dataKey="students" name={t('reports.labels.pairs')} radius={[0, 3, 3, 0]}>
                  {who5Change.map((x) => (
                    <Cell key={x.label} fill={x.color} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
        />

        <ChartCard
          title={t('reports.sections.feedback.title')}
          explain={t('reports.sections.feedback.explain')}
          empty={r.feedback.responses === 0}
          emptyText={t('reports.empty.feedback')}
          headline={
            <Text fz="sm">
              {t('reports.labels.responses')}: <b>{f.n(r.feedback.responses)}</b>
            </Text>
          }
          rows={[
            { label: t('reports.labels.responses'), value: f.n(r.feedback.responses) },
            ...feedback.map((x, i) => ({ label: x.label, value: f.avg(r.feedback[(['helpful', 'feltHeard', 'wouldRecommend'] as const)[i]!]) })),
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={feedback} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tick={axisTick} />
                <YAxis type="category" dataKey="label" width={170} tick={axisTick} interval={0} />
                <Tooltip {...tooltip} formatter={(v) => f.avg(Number(v))} />
                <Bar isAnimationActive={false} dataKey="average" name={t('reports.labels.average')} fill={colors.second} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
      </SimpleGrid>
    </Stack>
  );
}

/** A ring with its one headline figure in the middle and a legend. */
function Donut({ data, centre }: { data: Array<{ name: string; value: number; color: string }>; centre: string }) {
  return (
    <ResponsiveContainer>
      <PieChart>
        <Pie data={data} dataKey="value" nameKey="name" innerRadius={55} outerRadius={80} paddingAngle={data.length > 1 ? 2 : 0} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={d.color} />
          ))}
        </Pie>
        <text x="50%" y="45%" textAnchor="middle" dominantBaseline="middle" style={{ fontSize: 20, fontWeight: 700, fill: 'var(--mantine-color-text)' }}>
          {centre}
        </text>
        <Tooltip contentStyle={{ fontSize: 13 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>} />
      </PieChart>
    </ResponsiveContainer>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const termName = useTermName();
  const f = useFormat();
  const terms = useCall('reports.terms', {});
  const [termId, setTermId] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'pdf' | 'csv' | null>(null);
  // Made beside the backend's queue; saved when it is ready, even if the counselor has opened another area meanwhile.
  const pdf = useLongJob('reports.exportPdf', 'term-pdf', {
    then: (result) => {
      downloadBase64(result.fileName, result.base64, 'application/pdf');
      notifications.show({ color: 'teal', message: t('reports.exported', { file: result.fileName }) });
    },
  });

  useEffect(() => {
    if (terms.data && termId === null) setTermId(terms.data.currentTermId);
  }, [terms.data, termId]);

  const chosen = termId ?? terms.data?.currentTermId ?? '';
  const report = useCall('reports.term', chosen === '' ? null : { termId: chosen });
  const ready = chosen !== '' && report.data?.term.id === chosen;
  const options = useMemo(
    () => (terms.data?.terms ?? []).map((term) => ({ value: term.id, label: termName(term, true) })),
    [terms.data, termName],
  );

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        intro={t('reports.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => setExporting('csv')} disabled={!ready}>
              {t('reports.downloadCsv')}
            </Button>
            <JobButton leftSection={<IconFileTypePdf size={16} />} running={pdf.running} onStart={() => setExporting('pdf')} disabled={!ready}>
              {t('reports.downloadPdf')}
            </JobButton>
          </>
        }
      />
      {pdf.running || pdf.error ? (
        <Stack maw={720} mb="md">
          <JobProgress running={pdf.running} progress={pdf.progress} />
          {pdf.error ? (
            <Alert color="red" role="alert" withCloseButton onClose={pdf.dismiss}>
              {errorText(t, pdf.error)}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
      <LoadState loading={terms.loading && !terms.data} error={terms.error} retry={() => void terms.reload()}>
        <Group mb="md" align="flex-end" gap="md">
          <Select
            label={t('reports.term')}
            data={options}
            value={chosen || null}
            onChange={(value) => value && setTermId(value)}
            allowDeselect={false}
            w={480}
            comboboxProps={{ withinPortal: true }}
          />
          {ready && report.data && report.data.asOf < report.data.term.end ? (
            <Text fz="sm" c="dimmed" pb={8}>
              {t('reports.running', { day: f.day(report.data.asOf) })}
            </Text>
          ) : null}
        </Group>
        {chosen ? (
          <LoadState loading={!ready && !report.error} error={report.error} retry={() => void report.reload()}>
            {ready && report.data ? (
              hasAnyData(report.data) ? (
                <Dashboard report={report.data} />
              ) : (
                <Alert color="gray" title={t('reports.noData')} maw={720}>
                  {t('reports.noDataHint')}
                </Alert>
              )
            ) : null}
          </LoadState>
        ) : null}
      </LoadState>
      {exporting && ready && report.data ? (
        <ExportDialog
          format={exporting}
          term={report.data.term}
          termLabel={termName(report.data.term)}
          onClose={() => setExporting(null)}
          onPdf={(input) => {
            if (!pdf.start(input)) showAlreadyRunning(t);
          }}
        />
      ) : null}
    </>
  );
}

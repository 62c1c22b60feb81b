/**
 * How big a district-scale vault is, from the one number the bench is asked
 * for: its session logs. 100,000 logs is the district of the brief (1,000 peers,
 * 20,000 cases, 30,000 help-seekers, 2,000 supervision meetings over ten
 * years); every other size scales all of it alike, so the growth table shows
 * the vault growing, not one table growing inside a fixed school.
 */
export interface ScaleCounts {
  sessionLogs: number;
  /** Peers on the roster; the last `inTraining` of them have no logs yet. */
  peers: number;
  inTraining: number;
  /** Supervisors written with SQL (no key slot), beside the one made through the contract. */
  extraSupervisors: number;
  helpSeekers: number;
  cases: number;
  /** The newest cases that are still going; the rest are closed. */
  openCases: number;
  /** Logs on the one long case the bench opens with `cases.get`. */
  bigCaseLogs: number;
  meetings: number;
  outreachEvents: number;
  feedback: number;
  referralServices: number;
  /** The days the vault covers, ending today. */
  days: number;
}

export const defaultSize = 100_000;

export function countsFor(sessionLogs: number): ScaleCounts {
  const f = sessionLogs / 100_000;
  const at = (n: number, least: number) => Math.max(least, Math.round(n * f));
  const cases = at(20_000, 20);
  return {
    sessionLogs,
    peers: at(1_000, 40),
    inTraining: at(20, 2),
    extraSupervisors: at(40, 2),
    helpSeekers: at(30_000, 30),
    cases,
    openCases: Math.max(5, Math.round(cases * 0.04)),
    bigCaseLogs: at(300, 20),
    meetings: at(2_000, 20),
    outreachEvents: at(500, 10),
    feedback: at(20_000, 20),
    referralServices: 30,
    days: 3650,
  };
}

/** `10k`, `100k`, `1.5M`: the size as a column label. */
export function sizeLabel(sessionLogs: number): string {
  if (sessionLogs >= 1_000_000) return `${+(sessionLogs / 1_000_000).toFixed(1)}M`;
  if (sessionLogs >= 1_000) return `${+(sessionLogs / 1_000).toFixed(1)}k`;
  return String(sessionLogs);
}

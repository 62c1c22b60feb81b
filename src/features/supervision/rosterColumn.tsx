import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import type { PeerCadence, RosterEntry } from '../../contract';
import { CadenceBadge } from './badges';

const column = createColumnHelper<RosterEntry>();
/** Overdue first when sorting, then due soon, then no group, then on track; peers who are not active last. */
const rank = (c: PeerCadence | undefined) => (c ? ['overdue', 'due', 'no_group', 'ok'].indexOf(c.state) : 9);

/**
 * The roster's "Supervision" column (issue 5): an active peer's next meeting
 * due, overdue in red. Other peers have no cadence, so the cell stays empty.
 */
export function useSupervisionColumn() {
  const { t } = useTranslation();
  const { data } = useCall('supervision.cadence', {});
  return useMemo(() => {
    const byPeer = new Map((data?.peers ?? []).map((c) => [c.peerId, c]));
    return column.accessor((p) => rank(byPeer.get(p.id)), {
      id: 'supervision',
      header: t('supervision.rosterColumn'),
      enableGlobalFilter: false,
      sortingFn: (a, b) =>
        rank(byPeer.get(a.original.id)) - rank(byPeer.get(b.original.id)) ||
        (byPeer.get(a.original.id)?.nextDueOn ?? '').localeCompare(byPeer.get(b.original.id)?.nextDueOn ?? ''),
      cell: (info) => {
        const c = byPeer.get(info.row.original.id);
        if (!c) return null;
        // The day is in the badge's tooltip: the roster is already wide.
        return <CadenceBadge state={c.state} nextDueOn={c.nextDueOn} />;
      },
    });
  }, [data, t]);
}

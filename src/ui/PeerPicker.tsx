import { useMemo, type ComponentProps } from 'react';
import { call } from '../api/client';
import { pageSizes, type MethodInput, type PeerStatus } from '../contract';
import { offeredOptions, SearchMultiPicker, SearchPicker, usePickerLabels, type PickerOption, type PickerSource } from './SearchPicker';

/** Which peers a picker offers: the form's statuses, and the access policy's narrowing where the form needs it. */
export type PeerChoice = Pick<MethodInput<'peers.list'>, 'supervised' | 'withoutAccount'> & { statuses?: readonly PeerStatus[] };

export const peerLabel = (p: { fullName: string; className: string }) => `${p.fullName} (${p.className})`;

/**
 * Peers found by part of the name or class (peers.list, a few at a time); a chosen one is named
 * by its id whatever its status now, so a saved record still shows a peer who has left since.
 */
export function usePeerSource(choice: PeerChoice): PickerSource {
  const key = JSON.stringify(choice);
  return useMemo(() => {
    const { statuses, ...narrowing } = JSON.parse(key) as PeerChoice;
    const toOptions = (page: { peers: Array<{ id: number; fullName: string; className: string }> }): PickerOption[] =>
      page.peers.map((p) => ({ value: String(p.id), label: peerLabel(p) }));
    return {
      key: `peers.list ${key}`,
      lookupKey: 'peers.list',
      search: async (text) =>
        toOptions(await call('peers.list', { ...narrowing, ...(statuses ? { statuses: [...statuses] } : {}), ...(text ? { text } : {}), limit: offeredOptions })),
      lookup: async (values) => {
        const ids = values.map(Number);
        const pages = [];
        for (let start = 0; start < ids.length; start += pageSizes.max) {
          pages.push(await call('peers.list', { ids: ids.slice(start, start + pageSizes.max), limit: pageSizes.max }));
        }
        return pages.flatMap(toOptions);
      },
    };
  }, [key]);
}

type SingleProps = Omit<ComponentProps<typeof SearchPicker>, 'source'> & { choice?: PeerChoice };
type MultiProps = Omit<ComponentProps<typeof SearchMultiPicker>, 'source'> & { choice?: PeerChoice };

/** Chooses a peer by typing the name or class (issue 12). */
export function PeerPicker({ choice = {}, ...props }: SingleProps) {
  return <SearchPicker source={usePeerSource(choice)} {...props} />;
}

/** Chooses several peers by typing (a training's attendees, an outreach team, a meeting, a group). */
export function PeerMultiPicker({ choice = {}, ...props }: MultiProps) {
  return <SearchMultiPicker source={usePeerSource(choice)} {...props} />;
}

/** The names of chosen peers, for a form that shows them beside the picker too; `known` first, the rest looked up. */
export function usePeerLabels(ids: readonly string[], known: readonly PickerOption[] = []): Map<string, string> {
  return usePickerLabels(usePeerSource({}), ids, known);
}

import { z } from 'zod';
import { id, limits, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, everyone } from '../roles';

/** The program's life cycle of a peer supporter, in order; `withdrawn` can follow any step. */
export const peerStatuses = [
  'nominated',
  'interviewing',
  'selected',
  'in_training',
  'active',
  'paused',
  'alumni',
  'withdrawn',
] as const;
export type PeerStatus = (typeof peerStatuses)[number];

export const peer = z.object({
  id,
  fullName: z.string(),
  className: z.string(),
  status: z.enum(peerStatuses),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Peer = z.infer<typeof peer>;

const peerFields = {
  fullName: requiredText(limits.name),
  className: requiredText(40),
  status: z.enum(peerStatuses),
};

export const peerCreateInput = z.strictObject(peerFields);
export const peerUpdateInput = z.strictObject({ id, version, ...peerFields });

export const peersMethods = {
  /** Staff see the roster; a peer account sees only its own entry. */
  'peers.list': defineMethod({
    access: everyone,
    input: z.strictObject({}),
    output: z.object({ peers: z.array(peer) }),
  }),
  'peers.get': defineMethod({
    access: everyone,
    input: z.strictObject({ id }),
    output: z.object({ peer }),
  }),
  'peers.create': defineMethod({
    access: coordinatorOnly,
    input: peerCreateInput,
    output: z.object({ peer }),
  }),
  'peers.update': defineMethod({
    access: coordinatorOnly,
    input: peerUpdateInput,
    output: z.object({ peer }),
  }),
};

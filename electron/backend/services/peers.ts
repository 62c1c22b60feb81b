import { forbidden, notFound, staleEdit } from '../errors';
import type { HandlerMap } from '../handler';
import * as peers from '../repositories/peers';

type PeersMethod = 'peers.list' | 'peers.get' | 'peers.create' | 'peers.update';

export const peersHandlers: HandlerMap<PeersMethod> = {
  'peers.list': async (_input, ctx) => {
    const actor = ctx.actor;
    if (actor.role === 'peer') {
      const own = actor.peerId === null ? undefined : await peers.findPeer(ctx.db, actor.peerId);
      return { peers: own ? [own] : [] };
    }
    return { peers: await peers.listPeers(ctx.db) };
  },

  'peers.get': async (input, ctx) => {
    const actor = ctx.actor;
    if (actor.role === 'peer' && actor.peerId !== input.id) throw forbidden('A peer can see only their own profile.');
    const peer = await peers.findPeer(ctx.db, input.id);
    if (!peer) throw notFound('peer');
    return { peer };
  },

  'peers.create': async (input, ctx) => {
    const id = await ctx.db.transaction(async () => {
      const newId = await peers.insertPeer(ctx.db, input, ctx.now());
      await ctx.audit('peer.created', `peer:${newId}`);
      return newId;
    });
    const peer = await peers.findPeer(ctx.db, id);
    if (!peer) throw notFound('peer');
    return { peer };
  },

  'peers.update': async (input, ctx) => {
    const existing = await peers.findPeer(ctx.db, input.id);
    if (!existing) throw notFound('peer');
    await ctx.db.transaction(async () => {
      const { id, version, ...fields } = input;
      if (!(await peers.updatePeer(ctx.db, id, version, fields, ctx.now()))) throw staleEdit();
      await ctx.audit('peer.updated', `peer:${id}`);
    });
    const peer = await peers.findPeer(ctx.db, input.id);
    if (!peer) throw notFound('peer');
    return { peer };
  },
};

/**
 * The preload: the only code with both the page and Electron in reach. It runs
 * sandboxed and context-isolated, so it is bundled to one CommonJS file that
 * requires nothing but 'electron' (electron.vite.config.mts). It hands the
 * page only functions, never an Electron object: no ipcRenderer, no
 * IpcRendererEvent (whose `sender` would reach ipcRenderer itself).
 *
 * Issue 2 ("Electron shell"); DESIGN.md, "One contract, three transports".
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../../src/contract';
import { bridgeChannels, isBackendEvent, type BackendEvent, type SebayaBridge } from '../../src/contract/bridge';

const bridge: SebayaBridge = {
  call(method: string, input: unknown): Promise<Result<unknown>> {
    return ipcRenderer.invoke(bridgeChannels.call, String(method), input) as Promise<Result<unknown>>;
  },
  onEvent(listener: (event: BackendEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => {
      // A fresh object with only the known fields crosses into the page.
      if (isBackendEvent(payload)) listener({ type: payload.type, reason: payload.reason });
    };
    ipcRenderer.on(bridgeChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(bridgeChannels.event, handler);
    };
  },
  desktop: true,
};

contextBridge.exposeInMainWorld('sebaya', bridge);

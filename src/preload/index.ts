/**
 * The preload: exposes `window.marginalia`, one method per contract operation, each sending its
 * payload over the single IPC channel. Nothing else reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, OPERATION_NAMES } from '../shared/contract/operation-names';
import type { MarginaliaBridge } from './bridge';

const bridge = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (payload: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, payload),
  ]),
) as MarginaliaBridge;

contextBridge.exposeInMainWorld('marginalia', bridge satisfies MarginaliaBridge);

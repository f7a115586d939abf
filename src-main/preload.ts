import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelFunctions, PreloadApi } from './contract/api';
import type { ChangeNotice } from './contract/models';
import { changeEventName } from './contract/events';

/**
 * One named function per channel, each bound to its own channel name; no generic invoke.
 * `satisfies ChannelFunctions` makes the compiler refuse a missing or unknown channel, and a unit
 * test checks that each key invokes the channel of the same name.
 */
const channels = {
  'app.info': (input) => ipcRenderer.invoke('app.info', input),
  'initiatives.list': (input) => ipcRenderer.invoke('initiatives.list', input),
  'initiatives.create': (input) => ipcRenderer.invoke('initiatives.create', input),
  'initiatives.createSample': (input) => ipcRenderer.invoke('initiatives.createSample', input),
  'initiatives.get': (input) => ipcRenderer.invoke('initiatives.get', input),
  'initiatives.update': (input) => ipcRenderer.invoke('initiatives.update', input),
  'partners.list': (input) => ipcRenderer.invoke('partners.list', input),
  'partners.create': (input) => ipcRenderer.invoke('partners.create', input),
  'partners.update': (input) => ipcRenderer.invoke('partners.update', input),
  'partners.delete': (input) => ipcRenderer.invoke('partners.delete', input),
  'partners.restore': (input) => ipcRenderer.invoke('partners.restore', input),
  'partners.import.preview': (input) => ipcRenderer.invoke('partners.import.preview', input),
  'partners.import.commit': (input) => ipcRenderer.invoke('partners.import.commit', input),
  'partners.export': (input) => ipcRenderer.invoke('partners.export', input),
  'groups.list': (input) => ipcRenderer.invoke('groups.list', input),
  'groups.create': (input) => ipcRenderer.invoke('groups.create', input),
  'groups.update': (input) => ipcRenderer.invoke('groups.update', input),
  'groups.delete': (input) => ipcRenderer.invoke('groups.delete', input),
  'groups.restore': (input) => ipcRenderer.invoke('groups.restore', input),
  'groups.setMember': (input) => ipcRenderer.invoke('groups.setMember', input),
  'groups.removeMember': (input) => ipcRenderer.invoke('groups.removeMember', input),
  'relationships.list': (input) => ipcRenderer.invoke('relationships.list', input),
  'relationships.create': (input) => ipcRenderer.invoke('relationships.create', input),
  'relationships.update': (input) => ipcRenderer.invoke('relationships.update', input),
  'relationships.delete': (input) => ipcRenderer.invoke('relationships.delete', input),
  'map.positions': (input) => ipcRenderer.invoke('map.positions', input),
  'map.savePositions': (input) => ipcRenderer.invoke('map.savePositions', input),
  'map.resetLayout': (input) => ipcRenderer.invoke('map.resetLayout', input),
  'representation.report': (input) => ipcRenderer.invoke('representation.report', input),
} satisfies ChannelFunctions;

const api: PreloadApi = {
  channels,
  onChanges(listener) {
    const relay = (_event: IpcRendererEvent, notice: ChangeNotice) => listener(notice);
    ipcRenderer.on(changeEventName, relay);
    return () => {
      ipcRenderer.removeListener(changeEventName, relay);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);

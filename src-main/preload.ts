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
  'initiatives.exportFile': (input) => ipcRenderer.invoke('initiatives.exportFile', input),
  'initiatives.importFile': (input) => ipcRenderer.invoke('initiatives.importFile', input),
  'backups.list': (input) => ipcRenderer.invoke('backups.list', input),
  'backups.create': (input) => ipcRenderer.invoke('backups.create', input),
  'backups.restore': (input) => ipcRenderer.invoke('backups.restore', input),
  'backups.restoreDamaged': (input) => ipcRenderer.invoke('backups.restoreDamaged', input),
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
  'sessions.list': (input) => ipcRenderer.invoke('sessions.list', input),
  'sessions.create': (input) => ipcRenderer.invoke('sessions.create', input),
  'sessions.update': (input) => ipcRenderer.invoke('sessions.update', input),
  'sessions.delete': (input) => ipcRenderer.invoke('sessions.delete', input),
  'sessions.restore': (input) => ipcRenderer.invoke('sessions.restore', input),
  'sessions.carriedNotes': (input) => ipcRenderer.invoke('sessions.carriedNotes', input),
  'participants.list': (input) => ipcRenderer.invoke('participants.list', input),
  'participants.create': (input) => ipcRenderer.invoke('participants.create', input),
  'participants.update': (input) => ipcRenderer.invoke('participants.update', input),
  'participants.withdraw': (input) => ipcRenderer.invoke('participants.withdraw', input),
  'participants.reinstate': (input) => ipcRenderer.invoke('participants.reinstate', input),
  'participants.realName': (input) => ipcRenderer.invoke('participants.realName', input),
  'participants.setRealName': (input) => ipcRenderer.invoke('participants.setRealName', input),
  'voice.notes': (input) => ipcRenderer.invoke('voice.notes', input),
  'voice.draft': (input) => ipcRenderer.invoke('voice.draft', input),
  'voice.saveDraft': (input) => ipcRenderer.invoke('voice.saveDraft', input),
  'voice.capture': (input) => ipcRenderer.invoke('voice.capture', input),
  'voice.update': (input) => ipcRenderer.invoke('voice.update', input),
  'voice.delete': (input) => ipcRenderer.invoke('voice.delete', input),
  'voice.restore': (input) => ipcRenderer.invoke('voice.restore', input),
  'voice.setThemes': (input) => ipcRenderer.invoke('voice.setThemes', input),
  'voice.search': (input) => ipcRenderer.invoke('voice.search', input),
  'voice.carry': (input) => ipcRenderer.invoke('voice.carry', input),
  'voice.uncarry': (input) => ipcRenderer.invoke('voice.uncarry', input),
  'voice.exportCsv': (input) => ipcRenderer.invoke('voice.exportCsv', input),
  'themes.list': (input) => ipcRenderer.invoke('themes.list', input),
  'themes.create': (input) => ipcRenderer.invoke('themes.create', input),
  'themes.update': (input) => ipcRenderer.invoke('themes.update', input),
  'themes.delete': (input) => ipcRenderer.invoke('themes.delete', input),
  'themes.restore': (input) => ipcRenderer.invoke('themes.restore', input),
  'themes.merge': (input) => ipcRenderer.invoke('themes.merge', input),
  'themes.report': (input) => ipcRenderer.invoke('themes.report', input),
  'themes.exportQdc': (input) => ipcRenderer.invoke('themes.exportQdc', input),
  'themes.importQdc': (input) => ipcRenderer.invoke('themes.importQdc', input),
  'meeting.get': (input) => ipcRenderer.invoke('meeting.get', input),
  'meeting.start': (input) => ipcRenderer.invoke('meeting.start', input),
  'meeting.goTo': (input) => ipcRenderer.invoke('meeting.goTo', input),
  'meeting.timer': (input) => ipcRenderer.invoke('meeting.timer', input),
  'meeting.close': (input) => ipcRenderer.invoke('meeting.close', input),
  'agenda.add': (input) => ipcRenderer.invoke('agenda.add', input),
  'agenda.update': (input) => ipcRenderer.invoke('agenda.update', input),
  'agenda.delete': (input) => ipcRenderer.invoke('agenda.delete', input),
  'agenda.reorder': (input) => ipcRenderer.invoke('agenda.reorder', input),
  'agenda.reuseLast': (input) => ipcRenderer.invoke('agenda.reuseLast', input),
  'attendance.invite': (input) => ipcRenderer.invoke('attendance.invite', input),
  'attendance.checkIn': (input) => ipcRenderer.invoke('attendance.checkIn', input),
  'attendance.walkIn': (input) => ipcRenderer.invoke('attendance.walkIn', input),
  'decisions.record': (input) => ipcRenderer.invoke('decisions.record', input),
  'decisions.update': (input) => ipcRenderer.invoke('decisions.update', input),
  'decisions.delete': (input) => ipcRenderer.invoke('decisions.delete', input),
  'decisions.log': (input) => ipcRenderer.invoke('decisions.log', input),
  'actions.add': (input) => ipcRenderer.invoke('actions.add', input),
  'actions.update': (input) => ipcRenderer.invoke('actions.update', input),
  'actions.delete': (input) => ipcRenderer.invoke('actions.delete', input),
  'actions.list': (input) => ipcRenderer.invoke('actions.list', input),
  'parking.add': (input) => ipcRenderer.invoke('parking.add', input),
  'parking.update': (input) => ipcRenderer.invoke('parking.update', input),
  'parking.delete': (input) => ipcRenderer.invoke('parking.delete', input),
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

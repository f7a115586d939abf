import { createHandlers, dispatch } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { openContractFixture, resourcesDir, testNode, type ContractFixture } from '../contract/contract-fixture';

export interface MeetingWorld {
  fixture: ContractFixture;
  initiativeId: string;
  sessionId: string;
  ana: string;
  ben: string;
  groupId: string;
}

/** An initiative with two partners in a working group and a planned roundtable. */
export function openMeetingWorld(): MeetingWorld {
  const fixture = openContractFixture();
  const initiativeId = fixture.ok('initiatives.create', { name: 'Eastside' }).id;
  const ana = fixture.ok('partners.create', {
    initiativeId,
    partner: { name: 'Ana', kind: 'person', sector: 'community', livedExperience: true },
  }).id;
  const ben = fixture.ok('partners.create', { initiativeId, partner: { name: 'Ben', sector: 'health' } }).id;
  const groupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'working_group', name: 'Early years' },
  }).id;
  fixture.ok('groups.setMember', { initiativeId, groupId, partnerId: ana, role: 'co_chair' });
  fixture.ok('groups.setMember', { initiativeId, groupId, partnerId: ben, role: 'member' });
  const sessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'working_group', title: 'Early years, November', groupId, startsAt: '2026-11-23T18:00' },
  }).id;
  return { fixture, initiativeId, sessionId, ana, ben, groupId };
}

/**
 * A second library over the same data folder, as the app after a crash or a restart sees it,
 * with its own clock so a test can say what time it is.
 */
export function reopen(dataDir: string, now: () => number = Date.now) {
  const library = new InitiativeLibrary(dataDir, { node: testNode, now });
  const handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  return { library, call: (channel: string, input: unknown) => dispatch(handlers, channel, input) };
}

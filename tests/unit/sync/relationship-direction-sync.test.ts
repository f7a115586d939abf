import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRelationshipRepository } from '../../../src-main/store/relationships';
import { syncWith } from '../../../src-main/sync/protocol';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openReplica, syncedState, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const clinic = '01a20958-f99d-7768-bbb8-99797e452001';
const pantry = '01a20958-f99d-7768-bbb8-99797e452002';

describe('a relationship direction between two replicas', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let replicas: TestReplica[] = [];
  beforeEach(() => {
    temp = makeTempDir('cg-direction-sync-');
  });
  afterEach(() => {
    for (const { db } of replicas) if (db.open) db.close();
    temp.cleanup();
  });

  it('travels like any field and converges on the last edit, both ways round', async () => {
    replicas = [openReplica(temp.dir, 1, base), openReplica(temp.dir, 2, base + 500)];
    const [a, b] = replicas;
    const onA = createRelationshipRepository(a.db, a.writePath);
    const onB = createRelationshipRepository(b.db, b.writePath);
    a.writePath.write([
      { table: 'partners', row: clinic, values: { name: 'Harbour Clinic', tombstone: 0 } },
      { table: 'partners', row: pantry, values: { name: 'Food Bank', tombstone: 0 } },
    ]);
    const tie = onA.create({
      fromId: clinic,
      toId: pantry,
      kind: 'shares_data_with',
      strength: 2,
      note: '',
      direction: 'undirected',
    });
    expect(await syncWith(b.replica, a.replica.asPeer())).toMatchObject({ inSync: true });
    expect(onB.get(tie.id).direction).toBe('undirected');

    // Both edit without hearing of each other: A says both ways, B (a later clock) one way and
    // stronger. Last writer wins per field: B's direction, B's strength, on both laptops.
    a.clock.now += 60_000;
    b.clock.now += 60_000;
    onA.update(tie.id, { direction: 'mutual' });
    onB.update(tie.id, { direction: 'directed', strength: 3 });
    await syncWith(a.replica, b.replica.asPeer());
    expect(onA.get(tie.id)).toMatchObject({ direction: 'directed', strength: 3 });
    expect(onB.get(tie.id)).toMatchObject({ direction: 'directed', strength: 3 });
    expect(syncedState(a.db)).toEqual(syncedState(b.db));
    expect(a.replica.merkle()).toEqual(b.replica.merkle());

    // A word a newer or hostile peer might send is still text to the sync check; it reads as directed.
    a.clock.now += 60_000;
    a.writePath.write([{ table: 'relationships', row: tie.id, values: { direction: 'sideways' } }]);
    await syncWith(b.replica, a.replica.asPeer());
    expect(onB.get(tie.id).direction).toBe('directed');
  });
});

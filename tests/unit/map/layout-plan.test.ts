import { describe, expect, it } from 'vitest';
import { planLayout } from '../../../src-renderer/features/map/layout-plan';

const input = {
  agendaId: 'agenda',
  groups: [{ id: 'g1', kind: 'working_group', memberIds: ['p1', 'p2'] }],
  partnerIds: ['p1', 'p2', 'p3'],
};
const everyPlace = { g1: { x: 200, y: 0 }, p1: { x: 240, y: 30 }, p2: { x: 170, y: 40 }, p3: { x: 600, y: 0 } };

describe('what the automatic layout has to place', () => {
  it('needs no layout when every partner and group has a saved place', () => {
    const plan = planLayout(input, everyPlace, null);
    expect(plan.needsLayout).toBe(false);
    expect(plan.pinned).toEqual(everyPlace);
  });

  it('keeps the last layout’s places when only partners were added, so only the new one is placed', () => {
    const previous = planLayout(input, {}, null);
    const grown = { ...input, partnerIds: [...input.partnerIds, 'p4'] };
    const plan = planLayout(grown, { p1: { x: 1, y: 2 } }, { positions: everyPlace, groupsKey: previous.groupsKey });
    expect(plan.needsLayout).toBe(true);
    // A hand-placed position wins over the last layout's.
    expect(plan.pinned).toEqual({ ...everyPlace, p1: { x: 1, y: 2 } });
    expect(plan.pinned.p4).toBeUndefined();
  });

  it('lays the constellations out again when a group’s members change, keeping only saved places', () => {
    const previous = planLayout(input, {}, null);
    const moved = { ...input, groups: [{ id: 'g1', kind: 'working_group', memberIds: ['p1', 'p2', 'p3'] }] };
    const plan = planLayout(moved, { p3: { x: 5, y: 5 } }, { positions: everyPlace, groupsKey: previous.groupsKey });
    expect(plan.needsLayout).toBe(true);
    expect(plan.pinned).toEqual({ p3: { x: 5, y: 5 } });
  });
});

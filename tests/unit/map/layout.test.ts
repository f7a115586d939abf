import { describe, expect, it } from 'vitest';
import { clusterRadius, computeLayout, type LayoutInput, type Point } from '../../../src-renderer/features/map/layout';

const agendaId = 'agenda';
const distance = (a: Point, b: Point = { x: 0, y: 0 }) => Math.hypot(a.x - b.x, a.y - b.y);

/** Two working groups, a backbone, a partner in both groups and three partners in none. */
function smallInitiative(): LayoutInput {
  const members = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const youth = members('youth-', 6);
  const health = members('health-', 5);
  const staff = members('staff-', 2);
  const loners = members('loner-', 3);
  return {
    agendaId,
    groups: [
      { id: 'backbone', kind: 'backbone', memberIds: staff },
      { id: 'youth', kind: 'working_group', memberIds: [...youth, 'bridge'] },
      { id: 'health', kind: 'working_group', memberIds: [...health, 'bridge'] },
    ],
    partnerIds: [...staff, ...youth, ...health, 'bridge', ...loners],
    pinned: {},
  };
}

describe('constellation layout', () => {
  const input = smallInitiative();
  const { positions } = computeLayout(input, { seed: 7 });

  it('puts the common agenda at the centre', () => {
    expect(positions[agendaId]).toEqual({ x: 0, y: 0 });
  });

  it('clusters each group’s members near their group, nearer than to any other group', () => {
    for (const group of input.groups) {
      const others = input.groups.filter((other) => other.id !== group.id);
      for (const memberId of group.memberIds.filter((id) => id !== 'bridge')) {
        const own = distance(positions[memberId], positions[group.id]);
        expect(own, memberId).toBeLessThan(clusterRadius(group.memberIds.length) * 1.5);
        for (const other of others)
          expect(own, memberId).toBeLessThan(distance(positions[memberId], positions[other.id]));
      }
    }
  });

  it('keeps the backbone beside the agenda, closer than any other group', () => {
    const backbone = distance(positions.backbone);
    expect(backbone).toBeLessThan(distance(positions.youth));
    expect(backbone).toBeLessThan(distance(positions.health));
  });

  it('sits a partner of two groups between them', () => {
    const between = distance(positions.bridge, positions.youth) + distance(positions.bridge, positions.health);
    expect(between).toBeLessThan(distance(positions.youth, positions.health) * 1.3);
  });

  it('puts partners in no group at the outer edge, beyond every group member', () => {
    const grouped = input.groups.flatMap((group) => [group.id, ...group.memberIds]);
    const farthestGrouped = Math.max(...grouped.map((id) => distance(positions[id])));
    for (const id of ['loner-0', 'loner-1', 'loner-2'])
      expect(distance(positions[id]), id).toBeGreaterThan(farthestGrouped);
  });

  it('gives the same layout for the same data and seed, and keeps saved positions', () => {
    expect(computeLayout(smallInitiative(), { seed: 7 }).positions).toEqual(positions);
    const pinned = computeLayout({ ...smallInitiative(), pinned: { 'youth-0': { x: 999, y: -42 } } }, { seed: 7 });
    expect(pinned.positions['youth-0']).toEqual({ x: 999, y: -42 });
  });

  it('does not stack nodes on top of each other', () => {
    const ids = Object.keys(positions);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        expect(distance(positions[ids[i]], positions[ids[j]]), `${ids[i]} ${ids[j]}`).toBeGreaterThan(20);
  });

  // How long it takes is for the benchmark to report; here it must simply finish with sane numbers.
  it('lays out 2,000 partners in 20 groups', () => {
    const partnerIds = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    const groups = Array.from({ length: 20 }, (_, g) => ({
      id: `g${g}`,
      kind: g === 0 ? 'backbone' : 'working_group',
      memberIds: partnerIds.filter((_, i) => i % 37 === g || (i < 1400 && i % 20 === g)),
    }));
    const result = computeLayout({ agendaId, groups, partnerIds, pinned: {} }, { seed: 3 });
    expect(Object.keys(result.positions)).toHaveLength(2021);
    for (const point of Object.values(result.positions)) expect(Number.isFinite(point.x + point.y)).toBe(true);
  });
});

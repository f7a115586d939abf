import type { LayoutInput, Point } from './layout';

/**
 * What the automatic layout must place, given what already has a place. Drawn from saved
 * positions first: a partner placed by hand, or placed by the last layout of the same groups,
 * keeps its place, so adding partners lays out only the new ones and a map whose every partner
 * is saved needs no layout at all. When the groups change (a group added, a member moved) the
 * constellations themselves move, so everything but the saved positions is laid out again.
 * Pure, so tested on Node.
 */

export interface PreviousLayout {
  positions: Record<string, Point>;
  groupsKey: string;
}

export interface LayoutPlan {
  pinned: Record<string, Point>;
  /** False when everything already has a place: the map draws at once, no layout runs. */
  needsLayout: boolean;
  groupsKey: string;
}

export function groupsKeyOf(input: Omit<LayoutInput, 'pinned'>): string {
  return JSON.stringify(input.groups.map((group) => [group.id, group.kind, group.memberIds]));
}

export function planLayout(
  input: Omit<LayoutInput, 'pinned'>,
  saved: Record<string, Point>,
  previous: PreviousLayout | null,
): LayoutPlan {
  const groupsKey = groupsKeyOf(input);
  const reusable = previous && previous.groupsKey === groupsKey ? previous.positions : {};
  const pinned: Record<string, Point> = {};
  const ids = [...input.groups.map((group) => group.id), ...input.partnerIds];
  let needsLayout = false;
  for (const id of [input.agendaId, ...ids]) {
    const place = saved[id] ?? reusable[id];
    if (place) pinned[id] = place;
    // The agenda needs no layout: without a saved place it sits at the centre.
    else if (id !== input.agendaId) needsLayout = true;
  }
  return { pinned, needsLayout, groupsKey };
}

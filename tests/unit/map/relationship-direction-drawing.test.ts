import { describe, expect, it } from 'vitest';
import type { Partner, Relationship } from '../../../src-main/contract/index';
import { buildEdges, buildNodes, type Roster } from '../../../src-renderer/features/map/graph';
import { drawMap, estimateTextWidth } from '../../../src-renderer/features/map/map-drawing';

const partner = (id: string, name: string) =>
  ({ id, name, kind: 'organisation', sector: 'education', livedExperience: false }) as Partner;
const relationship = (id: string, toId: string, kind: string, direction: Relationship['direction']): Relationship => ({
  id,
  fromId: 'p1',
  toId,
  kind,
  strength: 2,
  note: '',
  direction,
});

const roster: Roster = {
  partners: [
    partner('p1', 'Harbour Clinic'),
    partner('p2', 'Food Bank'),
    partner('p3', 'Youth Council'),
    partner('p4', 'Library'),
  ],
  groups: [],
  relationships: [
    relationship('r1', 'p2', 'funds', 'directed'),
    relationship('r2', 'p3', 'shares_data_with', 'undirected'),
    relationship('r3', 'p4', 'partners_with', 'mutual'),
  ],
};
const positions: Record<string, { x: number; y: number }> = {
  agenda: { x: 0, y: 0 },
  p1: { x: 0, y: 200 },
  p2: { x: 300, y: 200 },
  p3: { x: 0, y: 500 },
  p4: { x: -300, y: 200 },
};
const visible = new Set(['p1', 'p2', 'p3', 'p4']);
const describeLine = (kind: string, direction: Relationship['direction']) => `${kind} (${direction})`;
const edges = () => buildEdges(roster, visible, [], (kind) => kind, 'Member', null, null, describeLine);

describe('a relationship on the map shows which way it runs', () => {
  it('gives a one-way line an arrow at its end, a tie with no direction none, one both ways an arrow at each end', () => {
    const byId = new Map(edges().map((edge) => [edge.id, edge]));
    expect([byId.get('r1')?.markerEnd, byId.get('r1')?.markerStart]).toEqual([expect.anything(), undefined]);
    expect([byId.get('r2')?.markerEnd, byId.get('r2')?.markerStart]).toEqual([undefined, undefined]);
    expect([byId.get('r3')?.markerEnd, byId.get('r3')?.markerStart]).toEqual([expect.anything(), expect.anything()]);
    // The words a screen reader hears carry the direction, since the arrows cannot be seen.
    expect(['r1', 'r2', 'r3'].map((id) => byId.get(id)?.ariaLabel)).toEqual([
      'funds (directed)',
      'shares_data_with (undirected)',
      'partners_with (mutual)',
    ]);
  });

  it('draws the exported image the same way', () => {
    const nodes = buildNodes('agenda', roster, (id) => positions[id], visible, new Set(), {
      agendaName: 'Every child ready for school',
      groupKindLabel: () => '',
    });
    const { svg } = drawMap(
      nodes,
      edges(),
      { commonAgenda: 'Agenda', livedExperience: 'Lived', title: 'Map' },
      estimateTextWidth,
    );
    const line = (title: string) => {
      const found = [...svg.matchAll(/<line [^>]*>(?:(?!<\/line>).)*<\/line>/g)]
        .map((m) => m[0])
        .find((l) => l.includes(`<title>${title}</title>`));
      if (!found) throw new Error(`no line titled ${title}`);
      return found;
    };
    expect(line('funds (directed)')).toContain('marker-end=');
    expect(line('funds (directed)')).not.toContain('marker-start=');
    expect(line('shares_data_with (undirected)')).not.toMatch(/marker-(start|end)=/);
    expect(line('partners_with (mutual)')).toMatch(/marker-start=.*marker-end=/);
  });
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Group, Partner, Relationship } from '../../../src-main/contract/index';
import { buildEdges, buildNodes, type Roster } from '../../../src-renderer/features/map/graph';
import { drawMap, estimateTextWidth, mixWithWhite } from '../../../src-renderer/features/map/map-drawing';

const labels = { commonAgenda: 'Common agenda', livedExperience: 'Lived experience', title: 'Eastside map' };

function partner(id: string, name: string, extra: Partial<Partner> = {}): Partner {
  return {
    id,
    name,
    kind: 'organisation',
    sector: 'education',
    livedExperience: false,
    ...extra,
  } as Partner;
}

/** A steering committee of two, a partner in no group far out at the edge, one relationship. */
function roster(): Roster {
  const partners = [
    partner('p1', 'Eastside Gazette', { sector: 'media' }),
    partner('p2', 'Rosa Ortiz', { kind: 'person', sector: 'community', livedExperience: true }),
    partner('p3', 'A partner whose name is far longer than any label on the map can show in full'),
    partner('p4', 'Hidden Health Clinic', { sector: 'health' }),
  ];
  const groups = [
    {
      id: 'g1',
      name: 'Steering committee',
      kind: 'steering_committee',
      colour: '#0072b2',
      members: [
        { partnerId: 'p1', role: 'co_chair' },
        { partnerId: 'p2', role: 'member' },
      ],
    },
  ] as unknown as Group[];
  const relationships = [
    { id: 'r1', fromId: 'p1', toId: 'p2', kind: 'funds', strength: 2 },
    { id: 'r2', fromId: 'p1', toId: 'p4', kind: 'refers_to', strength: 1 },
  ] as Relationship[];
  return { partners, groups, relationships };
}

const positions: Record<string, { x: number; y: number }> = {
  agenda: { x: 0, y: 0 },
  g1: { x: 200, y: 0 },
  p1: { x: 260, y: 40 },
  p2: { x: 180, y: 80 },
  // Far from the rest, at the bottom left: an export that crops to the screen would lose it.
  p3: { x: -900, y: 700 },
  p4: { x: 50, y: -300 },
};

function draw(selected: string[] = [], emphasised: string | null = null) {
  const data = roster();
  const visible = new Set(['g1', 'p1', 'p2', 'p3']);
  const nodes = buildNodes('agenda', data, (id) => positions[id], visible, new Set(selected), {
    agendaName: 'Every child ready for school',
    groupKindLabel: () => 'Steering committee',
  });
  const edges = buildEdges(data, visible, [], (kind) => kind, 'Member', emphasised, null);
  return drawMap(nodes, edges, labels, estimateTextWidth);
}

function viewBox(svg: string) {
  const [x, y, width, height] = /viewBox="([^"]+)"/.exec(svg)![1].split(' ').map(Number);
  return { x, y, width, height };
}

describe('the map drawing for export', () => {
  it('is well-formed SVG made of shapes and text, with no HTML inside', () => {
    const { svg } = draw();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('foreignObject');
    expect(svg).not.toContain('<div');
    const tree = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(tree.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
  });

  it('draws every visible partner, group and the agenda, and leaves hidden ones out', () => {
    const { svg } = draw();
    for (const name of ['Eastside Gazette', 'Rosa Ortiz', 'Steering committee']) expect(svg).toContain(name);
    // The agenda's name wraps onto lines inside its pill.
    const agendaLines = [...svg.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    expect(agendaLines.join(' ')).toBe('Every child ready for school');
    expect(svg).not.toContain('Hidden Health Clinic');
    // The relationship to the hidden partner is not drawn; the one between visible partners is.
    expect(svg.match(/marker-end=/g)).toHaveLength(1);
    // The lived-experience mark is there, named.
    expect(svg).toContain('<title>Lived experience</title>');
  });

  it('draws the group lines: a dashed line per member, a solid one per co-chair', () => {
    const { svg } = draw();
    const memberLines = svg.match(/<line [^>]*stroke="#a8a294"[^>]*stroke-dasharray="3 3"/g) ?? [];
    const chairLines = svg.match(/<line [^>]*stroke="#8e887b"/g) ?? [];
    expect(memberLines).toHaveLength(1);
    expect(chairLines).toHaveLength(1);
  });

  it('holds every node and its whole label, however far out it lies', () => {
    const { svg, width, height } = draw();
    const box = viewBox(svg);
    expect([box.width, box.height]).toEqual([width, height]);
    for (const [id, point] of Object.entries(positions)) {
      if (id === 'p4') continue;
      expect(point.x).toBeGreaterThan(box.x + 18);
      expect(point.x).toBeLessThan(box.x + box.width - 18);
      expect(point.y).toBeGreaterThan(box.y + 18);
      expect(point.y + 19 + 11 * 1.3).toBeLessThan(box.y + box.height);
    }
    // The long name is shortened with an ellipsis, as on screen, and its label fits the frame.
    const long = /<text x="(-?[\d.]+)"[^>]*>(A partner[^<]*)<\/text>/.exec(svg)!;
    expect(long[2].endsWith('…')).toBe(true);
    expect(Number(long[1]) - estimateTextWidth(long[2], 11, false) / 2).toBeGreaterThanOrEqual(box.x);
  });

  it('does not carry the screen’s selection or search highlight', () => {
    expect(draw(['p1', 'g1'], 'r1').svg).toBe(draw().svg);
  });

  it('drops characters XML cannot hold and escapes markup in names', () => {
    const data = roster();
    data.partners[0] = partner('p1', 'Bad\u0001 <b>&"name"\uD800');
    const nodes = buildNodes('agenda', data, (id) => positions[id], new Set(['p1']), new Set(), {
      agendaName: 'x',
      groupKindLabel: () => '',
    });
    const { svg } = drawMap(nodes, [], labels);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Bad &lt;b&gt;&amp;"name"');
  });

  it('mixes a group colour with white as the screen does', () => {
    expect(mixWithWhite('#0072b2', 0.18)).toBe('#d1e6f1');
    expect(mixWithWhite('not a colour', 0.18)).toBe('#ffffff');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articulationPoints } from '../../../src-main/features/representation/articulation-points';

type Edge = readonly [string, string];

const sorted = (set: Set<string>) => [...set].sort();
const ids = (count: number) => Array.from({ length: count }, (_, i) => `n${i}`);

/** Connected pieces among `nodes` when `removed` is taken out: the definition, done slowly. */
function pieces(nodes: readonly string[], edges: readonly Edge[], removed: string | null): number {
  const neighbours = new Map<string, string[]>(nodes.filter((id) => id !== removed).map((id) => [id, []]));
  for (const [a, b] of edges) {
    if (!neighbours.has(a) || !neighbours.has(b)) continue;
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  }
  const seen = new Set<string>();
  let count = 0;
  for (const start of neighbours.keys()) {
    if (seen.has(start)) continue;
    count++;
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      for (const next of neighbours.get(queue.pop()!)!) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return count;
}

function bruteForce(nodes: readonly string[], edges: readonly Edge[]): Set<string> {
  const before = pieces(nodes, edges, null);
  return new Set(nodes.filter((id) => pieces(nodes, edges, id) > before));
}

describe('articulation points', () => {
  it('finds the middle of a path a-b-c', () => {
    expect(
      sorted(
        articulationPoints(
          ['a', 'b', 'c'],
          [
            ['a', 'b'],
            ['b', 'c'],
          ],
        ),
      ),
    ).toEqual(['b']);
  });

  it('finds the inner nodes of a longer path, whichever end the search starts from', () => {
    expect(
      sorted(
        articulationPoints(
          ['c', 'a', 'd', 'b'],
          [
            ['c', 'd'],
            ['a', 'b'],
            ['b', 'c'],
          ],
        ),
      ),
    ).toEqual(['b', 'c']);
  });

  it('finds none in a cycle', () => {
    expect(
      sorted(
        articulationPoints(
          ['a', 'b', 'c', 'd'],
          [
            ['a', 'b'],
            ['b', 'c'],
            ['c', 'd'],
            ['d', 'a'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it("finds a star's centre, also when the centre is searched last", () => {
    const spokes: Edge[] = [
      ['x', 'hub'],
      ['y', 'hub'],
      ['z', 'hub'],
    ];
    expect(sorted(articulationPoints(['x', 'y', 'z', 'hub'], spokes))).toEqual(['hub']);
    expect(sorted(articulationPoints(['hub', 'x', 'y', 'z'], spokes))).toEqual(['hub']);
  });

  it('finds the node joining two triangles (a bow tie)', () => {
    const edges: Edge[] = [
      ['a', 'b'],
      ['b', 'm'],
      ['m', 'a'],
      ['m', 'c'],
      ['c', 'd'],
      ['d', 'm'],
    ];
    expect(sorted(articulationPoints(['a', 'b', 'c', 'd', 'm'], edges))).toEqual(['m']);
  });

  it('checks each piece of a disconnected graph on its own', () => {
    const edges: Edge[] = [
      ['a', 'b'],
      ['b', 'c'],
      ['p', 'q'],
      ['q', 'r'],
      ['r', 'p'],
      ['s', 't'],
    ];
    expect(sorted(articulationPoints(['a', 'b', 'c', 'p', 'q', 'r', 's', 't', 'alone'], edges))).toEqual(['b']);
  });

  it('ignores direction, repeated pairs, self-loops and unknown nodes', () => {
    const edges: Edge[] = [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'b'],
      ['c', 'gone'],
      ['gone', 'a'],
    ];
    expect(sorted(articulationPoints(['a', 'b', 'c'], edges))).toEqual(['b']);
    // Two partners joined twice are still only two: neither cuts anything.
    expect(
      sorted(
        articulationPoints(
          ['a', 'b'],
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('handles the empty graph and lone nodes', () => {
    expect(sorted(articulationPoints([], []))).toEqual([]);
    expect(sorted(articulationPoints(['a', 'b'], []))).toEqual([]);
  });

  it('agrees with removing each node and counting the pieces, on small random graphs', () => {
    const graph = fc.integer({ min: 1, max: 12 }).chain((size) =>
      fc.record({
        nodes: fc.constant(ids(size)),
        edges: fc.array(
          fc
            .tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 }))
            .map(([a, b]) => [`n${a}`, `n${b}`] as const),
          { maxLength: size * 3 },
        ),
      }),
    );
    fc.assert(
      fc.property(graph, ({ nodes, edges }) => {
        expect(sorted(articulationPoints(nodes, edges))).toEqual(sorted(bruteForce(nodes, edges)));
      }),
      { numRuns: 500 },
    );
  });

  it('walks a path of 200,000 nodes without running out of stack', () => {
    const nodes = ids(200_000);
    const edges: Edge[] = nodes.slice(1).map((id, i) => [nodes[i], id] as const);
    const cuts = articulationPoints(nodes, edges);
    expect(cuts.size).toBe(nodes.length - 2);
    expect(cuts.has('n0')).toBe(false);
    expect(cuts.has('n199999')).toBe(false);
  });

  it('checks 5,000 partners and 20,000 relationships quickly', () => {
    // A seeded random graph plus a tail of leaves, so the answer is known to be non-empty.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const nodes = ids(5_000);
    const edges: Edge[] = Array.from(
      { length: 19_990 },
      () => [nodes[Math.floor(random() * 4_990)], nodes[Math.floor(random() * 4_990)]] as const,
    );
    for (let i = 4_990; i < 5_000; i++) edges.push([nodes[i - 1], nodes[i]]);
    // Correctness at size only: timings belong in npm run bench, never in a test.
    const cuts = articulationPoints(nodes, edges);
    for (let i = 4_989; i < 4_999; i++) expect(cuts.has(nodes[i])).toBe(true);
  });
});

/**
 * Articulation points ("bridges" in the facilitators' words) of an undirected graph: the nodes
 * whose removal leaves more connected pieces than before.
 *
 * Tarjan's low-link algorithm, run with an explicit stack rather than recursion: a roster of
 * 5,000 partners chained one after another would be 5,000 frames deep and can overflow the call
 * stack of a renderer or a worker. Adjacency is kept in flat typed arrays (CSR) so 20,000
 * relationships cost a few hundred kilobytes and no per-node objects.
 *
 * Direction is ignored, self-loops are dropped and repeated pairs count once; an edge that names
 * a node not in `nodeIds` (a deleted partner) is ignored.
 */
export function articulationPoints(
  nodeIds: readonly string[],
  edges: Iterable<readonly [string, string]>,
): Set<string> {
  const indexOf = new Map<string, number>();
  for (const id of nodeIds) if (!indexOf.has(id)) indexOf.set(id, indexOf.size);
  const n = indexOf.size;
  const ids = [...indexOf.keys()];

  // Each unordered pair once, keyed low * n + high (exact for n below 2^26).
  const pairs = new Set<number>();
  for (const [from, to] of edges) {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined || a === b) continue;
    pairs.add(a < b ? a * n + b : b * n + a);
  }

  const start = new Int32Array(n + 1);
  for (const key of pairs) {
    start[Math.floor(key / n) + 1]++;
    start[(key % n) + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const neighbours = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (const key of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    neighbours[fill[a]++] = b;
    neighbours[fill[b]++] = a;
  }

  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const nextNeighbour = start.slice(0, n);
  const stack = new Int32Array(n);
  const isCut = new Uint8Array(n);
  let clock = 0;

  for (let root = 0; root < n; root++) {
    if (discovered[root] !== -1) continue;
    let depth = 0;
    stack[depth++] = root;
    discovered[root] = low[root] = clock++;
    let rootChildren = 0;

    while (depth > 0) {
      const node = stack[depth - 1];
      if (nextNeighbour[node] < start[node + 1]) {
        const next = neighbours[nextNeighbour[node]++];
        if (discovered[next] === -1) {
          parent[next] = node;
          discovered[next] = low[next] = clock++;
          stack[depth++] = next;
          if (node === root) rootChildren++;
        } else if (next !== parent[node] && discovered[next] < low[node]) {
          low[node] = discovered[next];
        }
        continue;
      }
      // Every neighbour seen: hand the low-link up and test the parent.
      depth--;
      const up = parent[node];
      if (up === -1) continue;
      if (low[node] < low[up]) low[up] = low[node];
      // A non-root node cuts the graph when some child's subtree cannot reach above it.
      if (up !== root && low[node] >= discovered[up]) isCut[up] = 1;
    }
    // The root cuts the graph exactly when the search left it more than once.
    if (rootChildren > 1) isCut[root] = 1;
  }

  const cuts = new Set<string>();
  for (let i = 0; i < n; i++) if (isCut[i]) cuts.add(ids[i]);
  return cuts;
}

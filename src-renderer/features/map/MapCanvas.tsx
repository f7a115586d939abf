import {
  applyNodeChanges,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { agendaNodeId, type Group, type Relationship } from '../../../src-main/contract/index';
import { bestNameMatch, foldForSearch } from '../../components/search-fold';
import { useShortcut } from '../../components/useShortcut';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { edgeTypes } from './edges';
import { canvasTextMeasure, exportMapImage, imageFileName, type ImageFormat } from './export-image';
import { allRelationshipsLimit, buildEdges, buildNodes, visibleIds, type MapNode, type Roster } from './graph';
import type { Point } from './layout';
import { drawingFontFamily, drawMap } from './map-drawing';
import { nodeTypes } from './nodes';
import { nodesToMount, viewRect } from './level-of-detail';
import { linesForCanvas, nodesForCanvas } from './overview-content';
import { OverviewLayer } from './OverviewLayer';
import { useMap } from './store';
import { useRestingView } from './useRestingView';

interface Props {
  roster: Roster;
  layout: Record<string, Point>;
  agendaName: string;
  relationshipLabel(kind: string): string;
  groupKindLabel(kind: Group['kind']): string;
}

const nodeOrigin: [number, number] = [0.5, 0.5];
const suggestionLimit = 30;
const fitOptions = { padding: 0.08 };
/** Below this zoom names are unreadable anyway; hiding them keeps panning a big map smooth. */
const farZoom = 0.35;

const miniMapColour = (node: Node) =>
  node.type === 'agenda' ? '#1f6f5c' : String((node.data as { colour?: string }).colour ?? '#9aa0a6');

const lineWords = { undirected: 'direction.onMap.undirected', mutual: 'direction.onMap.mutual' } as const;

export function MapCanvas({ roster, layout, agendaName, relationshipLabel, groupKindLabel }: Props) {
  const { t } = useTranslation();
  const flow = useReactFlow<MapNode>();
  const far = useStore((state) => state.transform[2] < farZoom);
  const showToast = useToast((state) => state.show);
  const filters = useMap(
    useShallow((state) => ({
      saved: state.saved,
      hiddenSectors: state.hiddenSectors,
      hiddenGroups: state.hiddenGroups,
      hiddenRelationshipKinds: state.hiddenRelationshipKinds,
      hideUnassigned: state.hideUnassigned,
      showAllRelationships: state.showAllRelationships,
    })),
  );
  const savePositions = useMap((state) => state.savePositions);
  const rearrange = useMap((state) => state.rearrange);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  // Keyboard and screen-reader users cannot see the arrow heads, so the line's name says the direction.
  const describeLine = useCallback(
    (kindLabel: string, direction: Relationship['direction']) =>
      direction === 'directed' ? kindLabel : t(lineWords[direction], { kind: kindLabel }),
    [t],
  );
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [focusedNode, setFocusedNode] = useState<string | null>(null);
  const { view, settle } = useRestingView();

  const visible = useMemo(() => visibleIds(roster, filters), [roster, filters]);
  // Suggestions as the name is typed, a screenful at most: a list of every partner put 10,000
  // options in the page before a region's map could first draw.
  const suggestions = useMemo(() => {
    const typed = foldForSearch(query.trim());
    if (!typed) return [];
    return roster.partners.filter((partner) => foldForSearch(partner.name).includes(typed)).slice(0, suggestionLimit);
  }, [roster.partners, query]);

  // Rebuild nodes while rendering when the roster, layout or filters change (React's pattern for
  // state derived from props), keeping the selection and any drag not yet saved.
  const base = useMemo(
    () => ({ roster, layout, saved: filters.saved, visible, agendaName, groupKindLabel }),
    [roster, layout, filters.saved, visible, agendaName, groupKindLabel],
  );
  const [graph, setGraph] = useState<{ base: typeof base | null; nodes: MapNode[] }>({ base: null, nodes: [] });
  let nodes = graph.nodes;
  if (graph.base !== base) {
    const before = new Map(graph.nodes.map((node) => [node.id, node]));
    const selected = new Set(graph.nodes.filter((node) => node.selected).map((node) => node.id));
    const positionOf = (id: string) => base.saved[id] ?? base.layout[id] ?? before.get(id)?.position ?? { x: 0, y: 0 };
    nodes = buildNodes(agendaNodeId, roster, positionOf, visible, selected, { agendaName, groupKindLabel });
    setGraph({ base, nodes });
  }
  const setNodes = useCallback(
    (update: (current: MapNode[]) => MapNode[]) => setGraph((state) => ({ ...state, nodes: update(state.nodes) })),
    [],
  );

  const bigMap = roster.relationships.length > allRelationshipsLimit && !filters.showAllRelationships;
  const selectedKey = bigMap
    ? nodes
        .filter((node) => node.selected)
        .map((node) => node.id)
        .join(' ')
    : '';
  const edges = useMemo(
    () =>
      buildEdges(
        roster,
        visible,
        filters.hiddenRelationshipKinds,
        relationshipLabel,
        t('map.legend.membership'),
        selectedEdge,
        bigMap ? new Set(selectedKey.split(' ')) : null,
        describeLine,
      ),
    [
      roster,
      visible,
      filters.hiddenRelationshipKinds,
      relationshipLabel,
      selectedEdge,
      t,
      bigMap,
      selectedKey,
      describeLine,
    ],
  );

  // Only what can be read becomes a DOM node: what is in view at reading zoom, the agenda and groups
  // further out, the selected or focused ones at any zoom. The rest is drawn on the canvas under them.
  const overview = useMemo(() => nodesForCanvas(nodes), [nodes]);
  const keep = useMemo(() => {
    const ids = nodes.filter((node) => node.selected).map((node) => node.id);
    return focusedNode ? [...ids, focusedNode] : ids;
  }, [nodes, focusedNode]);
  const mounted = useMemo(
    () =>
      nodesToMount(
        overview.index,
        viewRect(view.transform, view.width, view.height),
        view.transform[2],
        keep,
        overview.landmarks.keys(),
      ),
    [overview, view, keep],
  );
  const flowNodes = useMemo(() => nodes.filter((node) => mounted.has(node.id)), [nodes, mounted]);
  const flowEdges = useMemo(() => {
    const onDom = new Set(flowNodes.map((node) => node.id));
    return edges.filter((edge: Edge) => onDom.has(edge.source) && onDom.has(edge.target));
  }, [edges, flowNodes]);
  const content = useMemo(() => {
    const positions = new Map(nodes.filter((node) => !node.hidden).map((node) => [node.id, node.position]));
    const onDom = (id: string) => mounted.has(id);
    return { ...overview, lines: linesForCanvas(edges, positions, onDom) };
  }, [nodes, edges, overview, mounted]);

  const fitWholeMap = useCallback(
    (duration?: number) => {
      const shown = nodes.filter((node) => !node.hidden);
      if (shown.length === 0) return;
      const xs = shown.map((node) => node.position.x);
      const ys = shown.map((node) => node.position.y);
      // Node centres, grown by the biggest node's half size (the agenda) so nothing is cut at the edge.
      const reach = 75;
      const left = Math.min(...xs) - reach;
      const top = Math.min(...ys) - reach;
      void flow.fitBounds(
        { x: left, y: top, width: Math.max(...xs) + reach - left, height: Math.max(...ys) + reach - top },
        { ...fitOptions, duration },
      );
    },
    [nodes, flow],
  );
  // The map fits itself once, when React Flow knows its size (what its `fitView` did, but over
  // every partner, not only the mounted ones).
  const fitted = useRef(false);
  const onInit = useCallback(() => {
    if (fitted.current) return;
    fitted.current = true;
    fitWholeMap();
  }, [fitWholeMap]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [setNodes],
  );
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    for (const change of changes)
      if (change.type === 'select')
        setSelectedEdge((current) => (change.selected ? change.id : current === change.id ? null : current));
  }, []);
  const onNodeDragStop: OnNodeDrag<MapNode> = useCallback(
    (_event, _node, dragged) => {
      const positions = dragged.map((node) => ({
        nodeId: node.id,
        x: Math.round(node.position.x),
        y: Math.round(node.position.y),
      }));
      void savePositions(positions).then((failure) => failure && showToast(describeError(failure)));
    },
    [savePositions, showToast],
  );

  const findPartner = useCallback(
    (text: string) => {
      if (!text.trim()) return;
      const match = bestNameMatch(
        roster.partners.filter((partner) => visible.has(partner.id)),
        text,
      );
      setNotFound(!match);
      if (!match) return;
      setNodes((current) =>
        current.map((node) =>
          node.selected === (node.id === match.id) ? node : { ...node, selected: node.id === match.id },
        ),
      );
      // From the map's own list: the partner may be on the canvas only, unknown to React Flow.
      const node = nodes.find((each) => each.id === match.id);
      if (node)
        void flow.setCenter(node.position.x, node.position.y, { zoom: Math.max(flow.getZoom(), 1.2), duration: 300 });
    },
    [roster.partners, visible, flow, setNodes, nodes],
  );
  useShortcut(
    '/',
    useCallback(() => searchRef.current?.focus(), []),
  );

  async function exportImage(format: ImageFormat) {
    setExporting(true);
    try {
      // Drawn from the data, not copied from the screen: every relationship the filters allow (also
      // on big maps, where the screen draws only the selected partner's), and no selection or search
      // highlight, which belong to the screen, not to the map.
      const allEdges = buildEdges(
        roster,
        visible,
        filters.hiddenRelationshipKinds,
        relationshipLabel,
        t('map.legend.membership'),
        null,
        null,
        describeLine,
      );
      const drawing = drawMap(
        nodes,
        allEdges,
        { commonAgenda: t('map.commonAgenda'), livedExperience: t('map.livedExperience'), title: agendaName },
        canvasTextMeasure(drawingFontFamily),
      );
      await exportMapImage(drawing, format, imageFileName(agendaName));
    } catch {
      showToast(t('map.exportFailed'));
    } finally {
      setExporting(false);
    }
  }

  async function rearrangeAutomatically() {
    const failure = await rearrange();
    if (failure) showToast(describeError(failure));
  }

  return (
    <div className="map-main">
      <div className="map-toolbar" role="toolbar" aria-label={t('map.toolbar')}>
        <form
          className="map-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            findPartner(query);
          }}
        >
          <input
            ref={searchRef}
            type="search"
            list="map-partner-names"
            aria-label={t('map.search')}
            placeholder={t('map.searchHint')}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setNotFound(false);
            }}
            aria-invalid={notFound || undefined}
            aria-describedby={notFound ? 'map-search-none' : undefined}
          />
          <datalist id="map-partner-names">
            {suggestions.map((partner) => (
              <option key={partner.id} value={partner.name} />
            ))}
          </datalist>
          <button type="submit" className="button button--small">
            {t('map.find')}
          </button>
          {notFound ? (
            <span id="map-search-none" className="field__error" role="status">
              {t('map.noMatch')}
            </span>
          ) : null}
        </form>
        <button type="button" className="button button--small" onClick={() => fitWholeMap(300)}>
          {t('map.fitView')}
        </button>
        <button type="button" className="button button--small" onClick={() => void rearrangeAutomatically()}>
          {t('map.rearrange')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={exporting}
          onClick={() => void exportImage('png')}
        >
          {t('map.exportPng')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={exporting}
          onClick={() => void exportImage('svg')}
        >
          {t('map.exportSvg')}
        </button>
      </div>
      <div
        className={far ? 'map-canvas map-canvas--far' : 'map-canvas'}
        data-testid="map-canvas"
        data-partners-mounted={flowNodes.filter((node) => node.type === 'partner').length}
        onFocus={(event) => {
          const node = (event.target as Element).closest('.react-flow__node');
          setFocusedNode(node?.getAttribute('data-id') ?? null);
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocusedNode(null);
        }}
      >
        <ReactFlow<MapNode>
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          nodeOrigin={nodeOrigin}
          nodesConnectable={false}
          deleteKeyCode={null}
          minZoom={0.02}
          maxZoom={2.5}
          onInit={onInit}
          onMoveEnd={settle}
          proOptions={{ hideAttribution: true }}
          aria-label={t('map.canvas')}
        >
          {/* No dotted grid behind the map: redrawn under every pan frame, it cost about 4 ms a frame
              where Chromium draws in software (the bench's pan figures), for decoration only. */}
          <OverviewLayer content={content} view={view} mounted={mounted} />
          <MiniMap pannable zoomable nodeColor={miniMapColour} nodeStrokeWidth={0} ariaLabel={t('map.minimap')} />
          <Controls showInteractive={false} aria-label={t('map.controls')} />
        </ReactFlow>
      </div>
    </div>
  );
}

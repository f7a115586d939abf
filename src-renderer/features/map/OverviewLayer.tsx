import { useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MapNode } from './graph';
import { cachedBitmapTransform, detailAt, lineMayCross, viewRect, type ViewTransform } from './level-of-detail';
import {
  drawLandmarks,
  drawLines,
  drawPartners,
  type CanvasLandmark,
  type CanvasLine,
  type CanvasPartner,
} from './overview-drawing';
import type { PointIndex } from './spatial-index';

/** What the overview can draw: partners, groups and the agenda through the index, lines between map points. */
export interface OverviewContent {
  index: PointIndex;
  partners: ReadonlyMap<string, CanvasPartner>;
  landmarks: ReadonlyMap<string, CanvasLandmark>;
  lines: readonly CanvasLine[];
}

export interface RestingView {
  transform: ViewTransform;
  width: number;
  height: number;
}

interface Props {
  content: OverviewContent;
  view: RestingView;
  /** Nodes that are React Flow nodes right now: the canvas leaves them to the DOM. */
  mounted: ReadonlySet<string>;
}

/**
 * The bitmap reaches this far beyond the view on each side (a share of the view's larger side),
 * so a pan shows drawn map, not blank canvas, until the view rests and it is drawn again.
 */
const marginShare = 0.35;

/**
 * One canvas under React Flow's nodes with the whole overview on it. Drawn when the view rests
 * (and when what it shows changes); while the view moves, the last drawing is moved and scaled
 * by a CSS transform, which costs the compositor a copy and no drawing at all.
 */
export function OverviewLayer({ content, view, mounted }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawnAt = useRef<ViewTransform>(view.transform);
  const store = useStoreApi<MapNode>();
  const margin = Math.round(Math.max(view.width, view.height) * marginShare);

  // Each frame of a pan or zoom: move the last drawing to where the map now is, nothing more.
  useEffect(() => {
    let last = store.getState().transform;
    const follow = (transform: ViewTransform) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const { x, y, scale } = cachedBitmapTransform(drawnAt.current, transform, margin);
      canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    };
    return store.subscribe((state) => {
      if (state.transform === last) return;
      last = state.transform;
      follow(state.transform);
    });
  }, [store, margin]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || view.width <= 0 || view.height <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = view.width + margin * 2;
    const cssHeight = view.height + margin * 2;
    const pixelWidth = Math.round(cssWidth * ratio);
    const pixelHeight = Math.round(cssHeight * ratio);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${cssHeight}px`;
    }
    const [x, y, zoom] = view.transform;
    const detail = detailAt(zoom);
    const area = viewRect(view.transform, view.width, view.height, margin);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * (x + margin), ratio * (y + margin));

    const lines = content.lines.filter((line) => lineMayCross(line.x1, line.y1, line.x2, line.y2, area));
    drawLines(context, lines, detail);
    const partners: CanvasPartner[] = [];
    const landmarks: CanvasLandmark[] = [];
    for (const point of content.index.search(area)) {
      if (mounted.has(point.id)) continue;
      const partner = content.partners.get(point.id);
      if (partner) partners.push(partner);
      const landmark = content.landmarks.get(point.id);
      if (landmark) landmarks.push(landmark);
    }
    drawLandmarks(context, landmarks, detail);
    drawPartners(context, partners, detail);

    drawnAt.current = view.transform;
    // The drawing now matches the view exactly, whatever the store did since the last frame.
    const now = store.getState().transform;
    const shift = cachedBitmapTransform(view.transform, now, margin);
    canvas.style.transform = `translate(${shift.x}px, ${shift.y}px) scale(${shift.scale})`;
    // What tests and the benchmark read: how much the canvas holds, at which detail.
    canvas.dataset.partnersDrawn = String(partners.length);
    canvas.dataset.linesDrawn = String(lines.length);
    canvas.dataset.names = detail.labels ? 'shown' : 'hidden';
  }, [content, view, mounted, margin, store]);

  return (
    <canvas
      ref={canvasRef}
      className="map-overview"
      data-testid="map-overview"
      aria-hidden="true"
      style={{ left: -margin, top: -margin }}
    />
  );
}

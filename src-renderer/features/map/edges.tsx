import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { RelationshipMapEdge } from './graph';
import { nodeRadius } from './layout';

/** How far an arrow stops short of the target's centre, so it lands on the node's rim. */
const trimOf = (strength: number) => nodeRadius.partner + 2 + strength;

/**
 * A straight relationship line, with an arrow at each end it runs to (none when it has no
 * direction); its kind shows on hover and while selected.
 */
export const RelationshipEdge = memo(function RelationshipEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  style,
  markerEnd,
  markerStart,
  selected,
}: EdgeProps<RelationshipMapEdge>) {
  const [hovered, setHovered] = useState(false);
  const dx = targetX - sourceX;
  const dy = targetY - sourceY;
  const length = Math.hypot(dx, dy) || 1;
  // An arrow head stops on the node's rim; a plain end may run to the centre, under the node.
  const trim = Math.min(trimOf(data?.strength ?? 1), length / 2);
  const endTrim = markerEnd ? trim : 0;
  const startTrim = markerStart ? trim : 0;
  const startX = sourceX + (dx / length) * startTrim;
  const startY = sourceY + (dy / length) * startTrim;
  const endX = targetX - (dx / length) * endTrim;
  const endY = targetY - (dy / length) * endTrim;
  const showLabel = hovered || selected;
  return (
    <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <BaseEdge
        id={id}
        path={`M ${startX},${startY} L ${endX},${endY}`}
        style={style}
        markerEnd={markerEnd}
        markerStart={markerStart}
        label={showLabel ? data?.label : undefined}
        labelX={(startX + endX) / 2}
        labelY={(startY + endY) / 2}
        labelShowBg
        labelBgPadding={[6, 3]}
        labelBgBorderRadius={4}
        labelStyle={{ fontSize: 12, fontWeight: 600 }}
        interactionWidth={14}
      />
    </g>
  );
});

export const edgeTypes = { relationship: RelationshipEdge };

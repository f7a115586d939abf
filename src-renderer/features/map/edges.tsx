import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { RelationshipMapEdge } from './graph';
import { nodeRadius } from './layout';

/** How far an arrow stops short of the target's centre, so it lands on the node's rim. */
const trimOf = (strength: number) => nodeRadius.partner + 2 + strength;

/** A straight, directed relationship line; its kind shows on hover and while selected. */
export const RelationshipEdge = memo(function RelationshipEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  style,
  markerEnd,
  selected,
}: EdgeProps<RelationshipMapEdge>) {
  const [hovered, setHovered] = useState(false);
  const dx = targetX - sourceX;
  const dy = targetY - sourceY;
  const length = Math.hypot(dx, dy) || 1;
  const trim = Math.min(trimOf(data?.strength ?? 1), length / 2);
  const endX = targetX - (dx / length) * trim;
  const endY = targetY - (dy / length) * trim;
  const showLabel = hovered || selected;
  return (
    <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <BaseEdge
        id={id}
        path={`M ${sourceX},${sourceY} L ${endX},${endY}`}
        style={style}
        markerEnd={markerEnd}
        label={showLabel ? data?.label : undefined}
        labelX={(sourceX + endX) / 2}
        labelY={(sourceY + endY) / 2}
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

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaMapNode, GroupMapNode, PartnerMapNode } from './graph';

/**
 * One handle of each type at the node's centre: relationships run centre to centre and the edge
 * trims itself to the node's edge, so lines never start from an arbitrary side.
 */
function CentreHandles() {
  return (
    <>
      <Handle type="target" position={Position.Top} className="map-handle" isConnectable={false} />
      <Handle type="source" position={Position.Top} className="map-handle" isConnectable={false} />
    </>
  );
}

/** The lived-experience mark; a person reading the map with a screen reader hears what it means. */
export function LivedExperienceMark() {
  const { t } = useTranslation();
  return (
    <span className="map-lived" role="img" aria-label={t('map.livedExperience')} title={t('map.livedExperience')}>
      ★
    </span>
  );
}

export const PartnerNode = memo(function PartnerNode({ data, selected }: NodeProps<PartnerMapNode>) {
  return (
    <div
      className={`map-partner map-partner--${data.kind}${selected ? ' map-partner--selected' : ''}`}
      style={{ '--sector': data.colour } as CSSProperties}
      title={data.name}
    >
      <span className="map-partner__shape" aria-hidden="true" />
      {data.livedExperience ? <LivedExperienceMark /> : null}
      <span className="map-partner__name">{data.name}</span>
      <CentreHandles />
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<GroupMapNode>) {
  return (
    <div
      className={`map-group${selected ? ' map-group--selected' : ''}`}
      style={{ '--group': data.colour } as CSSProperties}
      title={`${data.name} (${data.kindLabel})`}
    >
      <span className="map-group__shape" aria-hidden="true" />
      <span className="map-group__name">{data.name}</span>
      <span className="map-group__kind">{data.kindLabel}</span>
      <CentreHandles />
    </div>
  );
});

export const AgendaNode = memo(function AgendaNode({ data }: NodeProps<AgendaMapNode>) {
  const { t } = useTranslation();
  return (
    <div className="map-agenda">
      <span className="map-agenda__caption">{t('map.commonAgenda')}</span>
      <span className="map-agenda__name">{data.name}</span>
      <CentreHandles />
    </div>
  );
});

export const nodeTypes = { partner: PartnerNode, cluster: GroupNode, agenda: AgendaNode };

import '@xyflow/react/dist/style.css';
import './map.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { agendaNodeId, type Group } from '../../../src-main/contract/index';
import { describeError } from '../../i18n/index';
import { customRelationshipKindsInUse } from '../groups/labels';
import { useGroups } from '../groups/store';
import { useInitiatives } from '../initiatives/store';
import { customSectorsInUse } from '../partners/filters';
import { usePartners } from '../partners/store';
import { layoutInputOf, type Roster } from './graph';
import { MapCanvas } from './MapCanvas';
import { MapPanel } from './MapPanel';
import { isKnownRelationship, knownRelationshipKinds, relationshipLabelKey, sectorColour } from './palette';
import { useMap } from './store';

const knownSectorOrder = Object.keys(sectorColour);

const groupKindLabelKey: Record<Group['kind'], string> = {
  steering_committee: 'map.groupKind.steeringCommittee',
  working_group: 'map.groupKind.workingGroup',
  backbone: 'map.groupKind.backbone',
  constellation: 'map.groupKind.constellation',
  focus_group: 'map.groupKind.focusGroup',
};

/** The constellation map: partners as stars, clustered round the tables they sit at, round the agenda. */
export function MapScreen({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const partners = usePartners(useShallow((state) => ({ list: state.partners, status: state.status })));
  const groups = useGroups(
    useShallow((state) => ({ list: state.groups, relationships: state.relationships, status: state.status })),
  );
  const map = useMap(
    useShallow((state) => ({
      savedLoaded: state.savedLoaded,
      layout: state.layout,
      generation: state.generation,
      error: state.error,
    })),
  );
  const loadPartners = usePartners((state) => state.load);
  const loadGroups = useGroups((state) => state.load);
  const loadMap = useMap((state) => state.load);
  const arrange = useMap((state) => state.arrange);
  const current = useInitiatives((state) => state.current);
  const agendaName = current?.id === initiativeId ? current.name : t('map.commonAgenda');

  useEffect(() => {
    void loadPartners(initiativeId);
    void loadGroups(initiativeId);
    void loadMap(initiativeId);
  }, [initiativeId, loadPartners, loadGroups, loadMap]);

  const roster: Roster = useMemo(
    () => ({ partners: partners.list, groups: groups.list, relationships: groups.relationships }),
    [partners.list, groups.list, groups.relationships],
  );
  const ready = partners.status === 'ready' && groups.status === 'ready' && map.savedLoaded;
  const { key, input } = useMemo(() => layoutInputOf(agendaNodeId, roster), [roster]);

  useEffect(() => {
    // `generation` changes after "Re-arrange automatically" has cleared the layout.
    if (ready && map.generation >= 0 && roster.partners.length > 0 && key !== useMap.getState().layoutKey)
      void arrange(key, input);
  }, [ready, key, input, arrange, map.generation, roster.partners.length]);

  const sectors = useMemo(() => {
    const present = new Set(partners.list.map((partner) => partner.sector));
    return [...knownSectorOrder.filter((sector) => present.has(sector)), ...customSectorsInUse(partners.list)];
  }, [partners.list]);
  const relationshipKinds = useMemo(() => {
    const present = new Set(groups.relationships.map((relationship) => relationship.kind));
    return [
      ...knownRelationshipKinds.filter((kind) => present.has(kind)),
      ...customRelationshipKindsInUse(groups.relationships),
    ];
  }, [groups.relationships]);
  const relationshipLabel = useCallback(
    (kind: string) => (isKnownRelationship(kind) ? t(relationshipLabelKey[kind]) : kind),
    [t],
  );
  const groupKindLabel = useCallback((kind: Group['kind']) => t(groupKindLabelKey[kind]), [t]);

  let body;
  if (map.error) body = <p className="field__error">{describeError(map.error)}</p>;
  else if (!ready) body = <p className="map-status">{t('map.loading')}</p>;
  else if (roster.partners.length === 0)
    body = (
      <div className="card card--quiet">
        <p>{t('map.empty')}</p>
      </div>
    );
  // While a changed roster is re-arranged, the previous layout stays on screen.
  else if (!map.layout) body = <p className="map-status">{t('map.arranging')}</p>;
  else
    body = (
      <div className="map-body">
        <ReactFlowProvider>
          <MapCanvas
            roster={roster}
            layout={map.layout}
            agendaName={agendaName}
            relationshipLabel={relationshipLabel}
            groupKindLabel={groupKindLabel}
          />
        </ReactFlowProvider>
        <MapPanel
          relationshipCount={groups.relationships.length}
          sectors={sectors}
          groups={groups.list}
          relationshipKinds={relationshipKinds}
          relationshipLabel={relationshipLabel}
        />
      </div>
    );

  return (
    <section className="screen map-screen" aria-labelledby="map-title">
      <header className="screen__header">
        <h1 id="map-title">{t('map.title')}</h1>
        <p className="screen__meta">
          {t('map.partnerCount', { count: partners.list.length })} ·{' '}
          {t('map.groupCount', { count: groups.list.length })}
        </p>
      </header>
      {body}
    </section>
  );
}

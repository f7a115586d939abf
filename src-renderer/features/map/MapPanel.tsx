import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Group } from '../../../src-main/contract/index';
import { allRelationshipsLimit } from './graph';
import { LivedExperienceMark } from './nodes';
import {
  colourOfSector,
  customRelationshipColour,
  customSectorColour,
  isKnownRelationship,
  isKnownSector,
  relationshipColour,
  sectorLabelKey,
} from './palette';
import { useMap } from './store';

interface Props {
  relationshipCount: number;
  sectors: string[];
  groups: Group[];
  relationshipKinds: string[];
  relationshipLabel(kind: string): string;
}

/** Filters and the legend, side by side with the map: a legend is most use next to its filter. */
export function MapPanel({ relationshipCount, sectors, groups, relationshipKinds, relationshipLabel }: Props) {
  const { t } = useTranslation();
  const filters = useMap(
    useShallow((state) => ({
      hiddenSectors: state.hiddenSectors,
      hiddenGroups: state.hiddenGroups,
      hiddenRelationshipKinds: state.hiddenRelationshipKinds,
      hideUnassigned: state.hideUnassigned,
      showAllRelationships: state.showAllRelationships,
      toggleSector: state.toggleSector,
      toggleGroup: state.toggleGroup,
      toggleRelationshipKind: state.toggleRelationshipKind,
      toggleUnassigned: state.toggleUnassigned,
      toggleAllRelationships: state.toggleAllRelationships,
    })),
  );
  const sectorLabel = (sector: string) => (isKnownSector(sector) ? t(sectorLabelKey[sector]) : sector);
  const hasCustomSector = sectors.some((sector) => !isKnownSector(sector));
  const customKinds = relationshipKinds.filter((kind) => !isKnownRelationship(kind));

  return (
    <aside className="map-panel" aria-label={t('map.panel')}>
      <fieldset className="map-filter">
        <legend>{t('map.filter.sectors')}</legend>
        {sectors.map((sector) => (
          <label key={sector} className="map-filter__option">
            <input
              type="checkbox"
              checked={!filters.hiddenSectors.includes(sector)}
              onChange={() => filters.toggleSector(sector)}
            />
            <span className="map-swatch" style={{ background: colourOfSector(sector) }} aria-hidden="true" />
            {sectorLabel(sector)}
          </label>
        ))}
      </fieldset>

      <fieldset className="map-filter">
        <legend>{t('map.filter.groups')}</legend>
        {groups.map((group) => (
          <label key={group.id} className="map-filter__option">
            <input
              type="checkbox"
              checked={!filters.hiddenGroups.includes(group.id)}
              onChange={() => filters.toggleGroup(group.id)}
            />
            <span className="map-swatch map-swatch--round" style={{ background: group.colour }} aria-hidden="true" />
            {group.name}
          </label>
        ))}
        <label className="map-filter__option">
          <input type="checkbox" checked={!filters.hideUnassigned} onChange={filters.toggleUnassigned} />
          {t('map.filter.noGroup')}
        </label>
      </fieldset>

      {relationshipKinds.length ? (
        <fieldset className="map-filter">
          <legend>{t('map.filter.relationships')}</legend>
          {relationshipKinds.map((kind) => (
            <label key={kind} className="map-filter__option">
              <input
                type="checkbox"
                checked={!filters.hiddenRelationshipKinds.includes(kind)}
                onChange={() => filters.toggleRelationshipKind(kind)}
              />
              <span
                className="map-swatch map-swatch--line"
                style={{ background: isKnownRelationship(kind) ? relationshipColour[kind] : customRelationshipColour }}
                aria-hidden="true"
              />
              {relationshipLabel(kind)}
            </label>
          ))}
          {relationshipCount > allRelationshipsLimit ? (
            <>
              <p className="field__hint">{t('map.filter.selectedOnly', { count: relationshipCount })}</p>
              <label className="map-filter__option">
                <input
                  type="checkbox"
                  checked={filters.showAllRelationships}
                  onChange={filters.toggleAllRelationships}
                />
                {t('map.filter.allRelationships')}
              </label>
            </>
          ) : null}
        </fieldset>
      ) : null}

      <section className="map-legend" aria-labelledby="map-legend-title">
        <h2 id="map-legend-title">{t('map.legend.title')}</h2>
        <ul>
          <li>
            <span className="map-legend__shape map-legend__shape--organisation" aria-hidden="true" />
            {t('map.legend.organisation')}
          </li>
          <li>
            <span className="map-legend__shape map-legend__shape--person" aria-hidden="true" />
            {t('map.legend.person')}
          </li>
          <li>
            <span className="map-legend__shape map-legend__shape--group" aria-hidden="true" />
            {t('map.legend.group')}
          </li>
          <li>
            <span className="map-legend__mark">
              <LivedExperienceMark />
            </span>
            {t('map.livedExperience')}
          </li>
          <li>
            <span className="map-swatch map-swatch--line map-swatch--faint" aria-hidden="true" />
            {t('map.legend.membership')}
          </li>
          <li>
            <span className="map-legend__arrow" aria-hidden="true">
              →
            </span>
            {t('map.legend.relationship')}
          </li>
          {hasCustomSector ? (
            <li>
              <span className="map-swatch" style={{ background: customSectorColour }} aria-hidden="true" />
              {t('map.legend.customSector')}
            </li>
          ) : null}
          {customKinds.length > 0 ? (
            <li>
              <span
                className="map-swatch map-swatch--line"
                style={{ background: customRelationshipColour }}
                aria-hidden="true"
              />
              {t('map.legend.customRelationships', { kinds: customKinds.join(', ') })}
            </li>
          ) : null}
        </ul>
      </section>
    </aside>
  );
}

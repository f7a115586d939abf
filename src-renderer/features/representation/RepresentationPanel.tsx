import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError, Group, RepresentationReport } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { useGroups } from '../groups/store';
import { useSectorLabel } from '../partners/SectorSelect';
import { usePartners } from '../partners/store';
import { groupFindings, initiativeFindings, type Finding, type Wording } from './findings';
import { LivedExperienceChart, type ChartRow } from './LivedExperienceChart';
import './representation.css';

type Check =
  | { initiativeId: string; report: RepresentationReport; error: null }
  | { initiativeId: string; report: null; error: ApiError };

/**
 * A partner save refetches partners and groups one after the other; waiting this long lets one
 * report answer both instead of two.
 */
const settleMs = 120;

/**
 * The representation check for one initiative, in plain sentences plus a small chart. Main does
 * the counting (`representation.report`); this panel asks again whenever the partner or group
 * stores hold a new list, which they do after every write and every change notice.
 */
export function RepresentationPanel({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const sectorLabel = useSectorLabel();
  const { partners, partnersFor } = usePartners(
    useShallow((state) => ({ partners: state.partners, partnersFor: state.initiativeId })),
  );
  const { groups, relationships, groupsFor } = useGroups(
    useShallow((state) => ({
      groups: state.groups,
      relationships: state.relationships,
      groupsFor: state.initiativeId,
    })),
  );
  const [check, setCheck] = useState<Check | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Names and group kinds come from the stores; load them if no screen has yet.
  useEffect(() => {
    if (partnersFor !== initiativeId) void usePartners.getState().load(initiativeId);
    if (groupsFor !== initiativeId) void useGroups.getState().load(initiativeId);
  }, [initiativeId, partnersFor, groupsFor]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void call('representation.report', { initiativeId }).then((result) => {
        if (!current) return;
        setCheck(
          result.ok
            ? { initiativeId, report: result.value, error: null }
            : { initiativeId, report: null, error: result.error },
        );
      });
    }, settleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The lists are not read here: a new list from a store is the signal to ask main again.
  }, [initiativeId, partners, groups, relationships, attempt]);

  const wording = useMemo<Wording>(() => {
    const names = new Map(partners.map((partner) => [partner.id, partner.name]));
    return {
      t,
      locale: i18n.language,
      sectorLabel,
      partnerName: (partnerId) => names.get(partnerId) ?? t('representation.removedPartner'),
    };
  }, [partners, t, i18n.language, sectorLabel]);

  const shown = check?.initiativeId === initiativeId ? check : null;

  return (
    <section className="card representation" aria-labelledby="representation-title" aria-busy={!shown}>
      <h2 id="representation-title">{t('representation.title')}</h2>
      <p className="screen__meta">{t('representation.intro')}</p>
      {!shown ? (
        <p className="loading">{t('representation.loading')}</p>
      ) : shown.error ? (
        <div className="notice notice--error" role="alert">
          <p>{t('representation.loadFailed', { reason: describeError(shown.error) })}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            {t('representation.retry')}
          </button>
        </div>
      ) : (
        <RepresentationFindings
          report={shown.report}
          wording={wording}
          kindOf={(groupId) => groups.find((group) => group.id === groupId)?.kind}
          hasRelationships={relationships.length > 0}
        />
      )}
    </section>
  );
}

function RepresentationFindings({
  report,
  wording,
  kindOf,
  hasRelationships,
}: {
  report: RepresentationReport;
  wording: Wording;
  kindOf(groupId: string): Group['kind'] | undefined;
  hasRelationships: boolean;
}) {
  const { t } = wording;
  const chartRows: ChartRow[] = [
    {
      key: 'initiative',
      label: t('representation.wholeInitiative'),
      seats: report.initiative.seats,
      livedExperienceSeats: report.initiative.livedExperienceSeats,
    },
    ...report.groups.map((scope) => ({
      key: scope.groupId ?? scope.name,
      label: scope.name,
      seats: scope.seats,
      livedExperienceSeats: scope.livedExperienceSeats,
    })),
  ];

  return (
    <>
      <h3>{t('representation.wholeInitiative')}</h3>
      <FindingList findings={initiativeFindings(wording, report, hasRelationships)} />
      {report.groups.length > 0 ? <LivedExperienceChart rows={chartRows} /> : null}
      <h3>{t('representation.groupsHeading')}</h3>
      {report.groups.length === 0 ? <p>{t('representation.noGroups')}</p> : null}
      {report.groups.map((scope) => (
        <div key={scope.groupId ?? scope.name} className="representation__group">
          <h4>{scope.name}</h4>
          <FindingList findings={groupFindings(wording, scope, scope.groupId ? kindOf(scope.groupId) : undefined)} />
        </div>
      ))}
    </>
  );
}

function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <ul className="plain-list representation__findings">
      {findings.map((finding, index) => (
        <li key={index} className={finding.concern ? 'representation__concern' : undefined}>
          {finding.text}
        </li>
      ))}
    </ul>
  );
}

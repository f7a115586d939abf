import type { Locale } from '../../contract/models';
import type { Partner } from '../../contract/partners';
import { AppError } from '../../contract/result';
import type { SessionSummary } from '../../contract/summary';
import type { InitiativeStore } from '../../store/initiative-store';
import { buildLearning } from './learning-section';
import { buildScorecard } from './scorecard-section';
import { buildDataItems } from './data-items-section';

export interface SummaryScope {
  sessionId: string;
  language: Locale;
  partnerId: string | null;
}

type Redactions = Map<SessionSummary['redactions'][number]['reason'], number>;

function count(redactions: Redactions, reason: SessionSummary['redactions'][number]['reason'], by = 1): void {
  if (by > 0) redactions.set(reason, (redactions.get(reason) ?? 0) + by);
}

/**
 * Counts a voice note held back (or shown without its pseudonym) once per summary: the same note
 * can be cited by several decisions and by a data item, and the reader is told how many notes were
 * held back, not how many times they were cited.
 */
function noteCounter(redactions: Redactions) {
  const counted = new Set<string>();
  return (noteId: string, reason: SessionSummary['redactions'][number]['reason']): void => {
    if (counted.has(noteId)) return;
    counted.add(noteId);
    count(redactions, reason);
  };
}

/**
 * How a partner appears in a summary. An organisation by its name; a person in a professional role
 * by name (and organisation); a person with lived experience never by name: partners carry no
 * consent to be named, so they are counted and the redaction list says so.
 */
function displayName(partner: Partner | undefined, partners: Map<string, Partner>): string {
  if (!partner) return '';
  if (partner.kind === 'person' && partner.livedExperience) return '';
  const organisation = partner.organisationId ? partners.get(partner.organisationId)?.name : undefined;
  return organisation && partner.kind === 'person' ? `${partner.name} (${organisation})` : partner.name;
}

/** The partner, the people of an organisation, and every group any of them is in. */
function concerns(store: InitiativeStore, partner: Partner, partners: Partner[]) {
  const people = new Set([partner.id, ...partners.filter((p) => p.organisationId === partner.id).map((p) => p.id)]);
  const groups = new Set(
    store.groups
      .list()
      .filter((group) => group.members.some((member) => people.has(member.partnerId)))
      .map((group) => group.id),
  );
  return { people, groups };
}

/** The next session of the same group (or of the same kind when there is no group), by start. */
function nextSessionOf(store: InitiativeStore, session: ReturnType<InitiativeStore['sessions']['get']>) {
  if (!session.startsAt) return null;
  const later = store.sessions
    .list({})
    .filter(
      (other) =>
        other.id !== session.id &&
        other.startsAt > session.startsAt &&
        (session.groupId ? other.groupId === session.groupId : !other.groupId && other.kind === session.kind),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return later[0] ?? null;
}

/**
 * One session's summary with consent applied: voice comes only from the shared view (internal-only
 * and withdrawn notes never), pseudonyms only for notes that may be quoted by name, contact details
 * never read into it, and people with lived experience counted, not named.
 */
export function buildSummary(store: InitiativeStore, scope: SummaryScope): SessionSummary {
  const session = store.sessions.get(scope.sessionId);
  const partners = store.partners.list();
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const groups = new Map(store.groups.list().map((group) => [group.id, group]));
  const redactions: Redactions = new Map();
  const countNote = noteCounter(redactions);
  const focus = scope.partnerId ? byId.get(scope.partnerId) : undefined;
  if (scope.partnerId && !focus) throw new AppError('not_found', 'No partner with that id in this initiative.');
  const concern = focus ? concerns(store, focus, partners) : null;
  const wholeSession = !concern || (session.groupId !== null && concern.groups.has(session.groupId));

  const present = store.attendance.list(scope.sessionId).filter((attendee) => attendee.checkedIn);
  const organisations = new Map<string, { name: string; sector: string; people: number }>();
  const sectors = new Map<string, number>();
  const named: SessionSummary['attendance']['named'] = [];
  let livedExperience = 0;
  for (const attendee of present) {
    const partner = byId.get(attendee.partnerId);
    const sector = partner?.sector ?? attendee.sector;
    sectors.set(sector, (sectors.get(sector) ?? 0) + 1);
    if (partner?.email || partner?.phone) count(redactions, 'private_contact');
    const organisation =
      partner?.kind === 'organisation'
        ? partner
        : partner?.organisationId
          ? byId.get(partner.organisationId)
          : undefined;
    if (organisation) {
      const entry = organisations.get(organisation.id) ?? {
        name: organisation.name,
        sector: organisation.sector,
        people: 0,
      };
      entry.people++;
      organisations.set(organisation.id, entry);
    }
    if (attendee.livedExperience) {
      livedExperience++;
      if (partner?.kind === 'person') count(redactions, 'lived_experience_unnamed');
    } else if (partner?.kind === 'person') {
      named.push({ name: partner.name, organisation: organisation?.name ?? '' });
    }
  }

  // Invited and not checked in: named by the same rule as those present, residents only counted.
  const apologies = { names: [] as string[], livedExperience: 0 };
  for (const attendee of store.attendance.list(scope.sessionId)) {
    if (!attendee.invited || attendee.checkedIn) continue;
    const partner = byId.get(attendee.partnerId);
    if (attendee.livedExperience || (partner?.kind === 'person' && partner.livedExperience)) {
      apologies.livedExperience++;
      count(redactions, 'lived_experience_unnamed');
    } else if (partner) apologies.names.push(displayName(partner, byId));
  }
  apologies.names.sort((a, b) => a.localeCompare(b));

  const items = store.agenda.list(scope.sessionId);
  const itemTitles = new Map(items.map((item) => [item.id, item.title]));
  const presenterConcerns = new Map(
    items.map((item) => [item.id, !!concern && concern.people.has(item.presenterId ?? '')]),
  );

  const shared = new Map(store.notes.carriedTo(scope.sessionId).map((note) => [note.id, note]));
  const allDecisions = store.decisions.list(scope.sessionId);
  const decisions = allDecisions
    .filter(
      (decision) => wholeSession || (decision.agendaItemId !== null && presenterConcerns.get(decision.agendaItemId)),
    )
    .map((decision) => {
      const withheld = decision.noteIds.filter((id) => !shared.has(id));
      if (withheld.length > 0) {
        // Only the consent level and the withdrawn flag are read, never the withheld text.
        const reasons = store.db
          .prepare(`SELECT id, withdrawn FROM voice_note_view WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(withheld)) as { id: string; withdrawn: number }[];
        const withdrawn = new Set(reasons.filter((row) => row.withdrawn).map((row) => row.id));
        // A cited note no longer in the view (deleted, or not synced yet) is withheld as internal.
        for (const id of withheld) countNote(id, withdrawn.has(id) ? 'voice_withdrawn' : 'voice_internal');
      }
      const voices = decision.noteIds
        .map((id) => shared.get(id))
        .filter((note) => note !== undefined)
        .map((note) => {
          if (note.consent !== 'named' && note.participantId) countNote(note.id, 'voice_pseudonym');
          return { kind: note.kind, text: note.text, pseudonym: note.consent === 'named' ? note.pseudonym : null };
        });
      return {
        text: decision.text,
        agendaItem: decision.agendaItemId ? (itemTitles.get(decision.agendaItemId) ?? '') : '',
        method: decision.method,
        tally: decision.tally,
        outcome: decision.outcome,
        rationale: decision.rationale,
        voices,
      };
    });

  const allActions = store.actionItems.actionsOf(scope.sessionId);
  const actions = allActions
    .filter(
      (action) =>
        !concern ||
        (action.ownerId !== null && concern.people.has(action.ownerId)) ||
        (action.groupId !== null && concern.groups.has(action.groupId)),
    )
    .map((action) => {
      const owner = action.ownerId ? byId.get(action.ownerId) : undefined;
      if (owner?.kind === 'person' && owner.livedExperience) count(redactions, 'lived_experience_unnamed');
      return {
        text: action.text,
        owner: displayName(owner, byId),
        dueDate: action.dueDate,
        group: action.groupId ? (groups.get(action.groupId)?.name ?? '') : '',
        status: action.status,
      };
    });

  const scorecard = buildScorecard(store, concern ? concern.people : null);
  count(redactions, 'reading_small_group', scorecard.suppressed.smallGroup);
  count(redactions, 'reading_count_unknown', scorecard.suppressed.countUnknown);
  count(redactions, 'reading_complementary', scorecard.suppressed.complementary);

  const { learning, storiesKeptInside } = buildLearning(store, {
    sessionId: session.id,
    day: session.startsAt.slice(0, 10),
    language: scope.language,
    partnerCopy: concern !== null,
    ownerName: (ownerId) => displayName(ownerId ? byId.get(ownerId) : undefined, byId),
  });
  count(redactions, 'story_internal', storiesKeptInside);
  const dataItems = buildDataItems(store, {
    sessionId: scope.sessionId,
    owners: concern ? concern.people : null,
    ownerName: (partnerId) => {
      const owner = partnerId ? byId.get(partnerId) : undefined;
      if (owner?.kind === 'person' && owner.livedExperience) count(redactions, 'lived_experience_unnamed');
      return displayName(owner, byId);
    },
    countNote,
  });

  const sessionTitles = new Map(store.sessions.list({}).map((other) => [other.id, other.title]));
  const next = nextSessionOf(store, session);
  return {
    language: scope.language,
    direction: scope.language === 'ar' ? 'rtl' : 'ltr',
    initiativeName: store.initiative.get().name,
    partner: focus ? { id: focus.id, name: displayName(focus, byId) } : null,
    session: {
      id: session.id,
      kind: session.kind,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      place: session.place,
      topic: session.topic,
      groupName: session.groupId ? (groups.get(session.groupId)?.name ?? '') : '',
    },
    attendance: {
      present: present.length,
      livedExperience,
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
      sectors: [...sectors].map(([sector, people]) => ({ sector, people })).sort((a, b) => b.people - a.people),
      named: named.sort((a, b) => a.name.localeCompare(b.name)),
      apologies,
    },
    agenda: items.map((item) => ({
      title: item.title,
      purpose: item.purpose,
      timeboxMinutes: item.timeboxMinutes,
      notes: wholeSession ? item.notes : '',
    })),
    decisions,
    decisionsLeftOut: allDecisions.length - decisions.length,
    actions,
    actionsLeftOut: allActions.length - actions.length,
    parking: wholeSession
      ? store.actionItems.parkingOf(scope.sessionId).map((item) => ({
          text: item.text,
          movedTo: item.movedToSessionId ? (sessionTitles.get(item.movedToSessionId) ?? '') : '',
        }))
      : [],
    nextSession: next ? { title: next.title, startsAt: next.startsAt, endsAt: next.endsAt, place: next.place } : null,
    redactions: [...redactions].map(([reason, n]) => ({ reason, count: n })),
    scorecard,
    learning,
    dataItems,
  };
}

/** Partners a per-partner export goes to by default: organisations present or owning an action. */
export function partnersOfSession(store: InitiativeStore, sessionId: string): string[] {
  const partners = new Map(store.partners.list().map((partner) => [partner.id, partner]));
  const ids = new Set<string>();
  const add = (id: string | null) => {
    const partner = id ? partners.get(id) : undefined;
    if (!partner) return;
    if (partner.kind === 'organisation') ids.add(partner.id);
    else if (partner.organisationId && partners.has(partner.organisationId)) ids.add(partner.organisationId);
    else if (!partner.livedExperience) ids.add(partner.id);
  };
  for (const attendee of store.attendance.list(sessionId)) if (attendee.checkedIn) add(attendee.partnerId);
  for (const action of store.actionItems.actionsOf(sessionId)) add(action.ownerId);
  return [...ids];
}

import type { Indicator } from '../../contract/measures';
import type { SessionSummary } from '../../contract/summary';
import type { SummaryDataItem } from '../../contract/summary-data-items';
import { noteKinds } from '../../contract/voice';
import type { InitiativeStore } from '../../store/initiative-store';
import { oneOf } from '../../store/rows';
import { scorecardContext, scorecardEntry } from './scorecard-section';

type Reason = SessionSummary['redactions'][number]['reason'];

/** A voice note cited at a data item, read the way the summary reads the voice a decision cites. */
interface CitedRow {
  note_id: string;
  /** From shared_voice_notes: null when the note may not leave its focus group. */
  shared_id: string | null;
  kind: string | null;
  text: string | null;
  pseudonym: string | null;
  consent: string | null;
  participant_id: string | null;
  /** From voice_note_view, for the redaction list only: never its text. */
  withdrawn: number | null;
  in_view: string | null;
}

// Words come only from shared_voice_notes (internal-only and withdrawn notes never); for a note
// that may not be shown only its withdrawn flag is read, to say why it is missing.
const citedSql = `SELECT l.note_id, s.id AS shared_id, s.kind, s.text, s.pseudonym, s.consent, s.participant_id,
    v.withdrawn, v.id AS in_view
  FROM indicator_voice_links l
  LEFT JOIN shared_voice_notes s ON s.id = l.note_id
  LEFT JOIN voice_note_view v ON v.id = l.note_id
  WHERE l.agenda_item_id = ? AND l.tombstone = 0
  ORDER BY coalesce(s.captured_at, ''), l.id`;

export interface DataItemScope {
  sessionId: string;
  /** On a partner's copy: the partner and its people; only indicators they own are included. */
  owners: ReadonlySet<string> | null;
  /** How the summary names an action's owner (people with lived experience are never named). */
  ownerName: (partnerId: string | null) => string;
  /** Counts a note held back (or shown without its pseudonym) once, whatever else cites it. */
  countNote: (noteId: string, reason: Reason) => void;
}

/**
 * The session's data items as its summary carries them. The figures are the scorecard's (same
 * period, same suppression), so what they hold back is already counted by the scorecard section,
 * which lists every indicator a data item can show on that copy; only the voice is counted here.
 */
export function buildDataItems(store: InitiativeStore, scope: DataItemScope): SummaryDataItem[] {
  const context = scorecardContext(store);
  const indicators = new Map<string, Indicator>(store.measures.indicators.list().map((i) => [i.id, i]));
  const decisions = store.decisions.list(scope.sessionId);
  const actions = store.actionItems.actionsOf(scope.sessionId);
  const cited = store.db.prepare(citedSql);
  return store.agenda.list(scope.sessionId).flatMap((item) => {
    const indicator = item.indicatorId ? indicators.get(item.indicatorId) : undefined;
    if (!indicator) return [];
    if (scope.owners && !indicator.ownerIds.some((id) => scope.owners?.has(id))) return [];
    const factors = store.dataItems.factorsOf(indicator.id, scope.sessionId).filter((f) => f.agendaItemId === item.id);
    const voices: SummaryDataItem['voices'] = [];
    for (const row of cited.all(item.id) as CitedRow[]) {
      if (!row.shared_id) {
        // A cited note no longer in the view (deleted, or not synced yet) is withheld as internal.
        scope.countNote(row.note_id, row.in_view && row.withdrawn ? 'voice_withdrawn' : 'voice_internal');
        continue;
      }
      if (row.consent !== 'named' && row.participant_id) scope.countNote(row.note_id, 'voice_pseudonym');
      voices.push({
        kind: oneOf(noteKinds, row.kind, 'observation'),
        text: row.text ?? '',
        pseudonym: row.consent === 'named' ? row.pseudonym || null : null,
      });
    }
    return [
      {
        agendaItem: item.title,
        indicator: scorecardEntry(context, indicator).entry,
        helps: factors.filter((f) => f.kind === 'helps').map((f) => f.text),
        holdsBack: factors.filter((f) => f.kind === 'holds_back').map((f) => f.text),
        voices,
        decisions: decisions
          .filter((decision) => decision.agendaItemId === item.id)
          .map((decision) => ({ text: decision.text, outcome: decision.outcome })),
        actions: actions
          .filter((action) => action.agendaItemId === item.id)
          .map((action) => ({
            text: action.text,
            owner: scope.ownerName(action.ownerId),
            dueDate: action.dueDate,
            status: action.status,
          })),
      },
    ];
  });
}

import type { ImportOutcome, ImportPreview, ImportRequest } from '../../contract/exchange';
import { PartnerDraft, type PartnerPatch } from '../../contract/partners';
import { AppError } from '../../contract/result';
import { partnerValues } from '../../store/partners';
import type { InitiativeStore } from '../../store/initiative-store';
import type { RowChange } from '../../store/write-path';
import { changedFields, planImport, type ImportPlan } from './plan';
import { readSource } from './source';

export { exportPartners } from './export';

function plan(store: InitiativeStore, request: ImportRequest): ImportPlan {
  return planImport(readSource(request), {
    partners: store.partners.list(),
    relationships: store.relationships.list(),
  });
}

export function previewImport(store: InitiativeStore, request: ImportRequest): ImportPreview {
  return plan(store, request).preview;
}

// The contract's own defaults (PartnerDraft), so an import and partners.create agree on them.
const defaults: Required<PartnerPatch> = { ...PartnerDraft.parse({ name: '-' }), name: '' };

/**
 * A new partner's fields that differ from the defaults. An unset column reads as its default (see
 * store/partners.ts toPartner), and each field written is a change message: leaving defaults out
 * takes about a quarter off a 10,000-row import.
 */
function withoutDefaults(patch: PartnerPatch): PartnerPatch {
  return Object.fromEntries(
    Object.entries(patch).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(defaults[key as keyof PartnerPatch]),
    ),
  );
}

/**
 * All or nothing: any row error refuses the whole file, and the writes run in one transaction
 * (the write path's own transactions nest as savepoints) so a failure part-way leaves no trace.
 * Rows are batched into two write-path calls, since one call per row would cost a savepoint each.
 */
export function commitImport(store: InitiativeStore, request: ImportRequest): ImportOutcome {
  const { partners, relationships, preview } = plan(store, request);
  if (preview.errors.length > 0) {
    const [first] = preview.errors;
    const count = preview.errors.length;
    throw new AppError(
      'invalid_input',
      `Nothing was imported: the file has ${count} problem${count === 1 ? '' : 's'} (first: ${first.where}: ${first.message}).`,
    );
  }
  const partnerChanges: RowChange[] = [];
  let partnersAdded = 0;
  for (const planned of partners) {
    const patch = changedFields(planned);
    if (planned.existing) {
      const values = partnerValues(patch);
      if (Object.keys(values).length > 0) partnerChanges.push({ table: 'partners', row: planned.id, values });
    } else {
      partnersAdded++;
      partnerChanges.push({
        table: 'partners',
        row: planned.id,
        values: { ...partnerValues(withoutDefaults(patch)), tombstone: 0 },
      });
    }
  }
  const relationshipChanges: RowChange[] = relationships.flatMap((planned): RowChange[] => {
    const { existing, id, fromId, toId, kind, strength, note, direction } = planned;
    if (!existing)
      return [
        {
          table: 'relationships',
          row: id,
          values: { from_id: fromId, to_id: toId, kind, strength, note, direction, tombstone: 0 },
        },
      ];
    const values = Object.fromEntries(
      Object.entries({ kind, strength, note, direction }).filter(
        ([key, value]) => existing[key as 'kind' | 'strength' | 'note' | 'direction'] !== value,
      ),
    );
    return Object.keys(values).length > 0 ? [{ table: 'relationships', row: id, values }] : [];
  });
  store.writePath.batch(() => {
    if (partnerChanges.length > 0) store.writePath.write(partnerChanges);
    if (relationshipChanges.length > 0) store.writePath.write(relationshipChanges);
  });
  return {
    partnersAdded,
    partnersUpdated: partners.length - partnersAdded,
    relationshipsAdded: relationships.filter((planned) => !planned.existing).length,
  };
}

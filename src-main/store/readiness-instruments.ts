import { v7 as uuidv7 } from 'uuid';
import {
  InstrumentDraft,
  readinessScales,
  type Instrument,
  type ReadinessItem,
  type ReadinessSection,
} from '../contract/readiness';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { builtinInstruments, type BuiltinInstrument } from './readiness-builtins';
import { oneOf, repeatedCreate, text } from './rows';
import type { RowChange, WritePath } from './write-path';

interface InstrumentRow {
  id: string;
  name: string | null;
  scale: string | null;
  rates_importance: number | null;
  tombstone: number;
}
interface SectionRow {
  id: string;
  instrument_id: string | null;
  title: string | null;
  position: number | null;
  tombstone: number;
}
interface ItemRow {
  id: string;
  instrument_id: string | null;
  section_id: string | null;
  text: string | null;
  position: number | null;
  tombstone: number;
}

const notFound = () => new AppError('not_found', 'No such instrument item in this initiative.');

/**
 * Instruments: the built-in ones from the app's code with whatever was changed here laid over
 * them, and the ones the facilitator added. Every change goes through the write path.
 */
export function createInstrumentRepository(db: Db, writePath: WritePath) {
  const instrumentRows = db.prepare('SELECT id, name, scale, rates_importance, tombstone FROM readiness_instruments');
  const sectionRows = db.prepare('SELECT id, instrument_id, title, position, tombstone FROM readiness_sections');
  const itemRows = db.prepare('SELECT id, instrument_id, section_id, text, position, tombstone FROM readiness_items');
  const instrumentRow = db.prepare('SELECT id, tombstone FROM readiness_instruments WHERE id = ?');
  const itemRow = db.prepare('SELECT id, tombstone FROM readiness_items WHERE id = ?');

  function byPosition<T extends { position: number | null; id: string }>(rows: T[]): T[] {
    return rows.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id));
  }

  function list(): Instrument[] {
    const instruments = new Map((instrumentRows.all() as InstrumentRow[]).map((row) => [row.id, row]));
    const sections = sectionRows.all() as SectionRow[];
    const items = itemRows.all() as ItemRow[];
    const itemOverrides = new Map(items.map((row) => [row.id, row]));
    const sectionOverrides = new Map(sections.map((row) => [row.id, row]));
    const customItems = (sectionId: string, known: ReadonlySet<string>) =>
      byPosition(items.filter((row) => row.section_id === sectionId && !known.has(row.id) && row.tombstone === 0)).map(
        (row): ReadinessItem => ({ id: row.id, sectionId, text: text(row.text), builtinText: null }),
      );

    const fromBuiltin = (builtin: BuiltinInstrument): Instrument => {
      const override = instruments.get(builtin.id);
      return {
        id: builtin.id,
        name: text(override?.name),
        builtinName: builtin.name,
        scale: builtin.scale,
        ratesImportance: builtin.ratesImportance,
        builtIn: true,
        sections: builtin.sections.map((section): ReadinessSection => {
          const known = new Set(section.items.map((item) => item.id));
          const builtinItems = section.items
            .filter((item) => itemOverrides.get(item.id)?.tombstone !== 1)
            .map((item) => ({
              id: item.id,
              sectionId: section.id,
              text: text(itemOverrides.get(item.id)?.text),
              builtinText: item.text,
            }));
          return {
            id: section.id,
            title: text(sectionOverrides.get(section.id)?.title),
            builtinTitle: section.title,
            items: [...builtinItems, ...customItems(section.id, known)],
          };
        }),
      };
    };

    const builtinIds = new Set(builtinInstruments.map((builtin) => builtin.id));
    const custom = [...instruments.values()]
      .filter((row) => !builtinIds.has(row.id) && row.tombstone === 0)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((row): Instrument => ({
        id: row.id,
        name: text(row.name),
        builtinName: null,
        scale: oneOf(readinessScales, row.scale, 'progress'),
        ratesImportance: row.rates_importance === 1,
        builtIn: false,
        sections: byPosition(
          sections.filter((section) => section.instrument_id === row.id && section.tombstone === 0),
        ).map((section) => ({
          id: section.id,
          title: text(section.title),
          builtinTitle: null,
          items: customItems(section.id, new Set()),
        })),
      }));
    const builtins = builtinInstruments
      .filter((builtin) => instruments.get(builtin.id)?.tombstone !== 1)
      .map(fromBuiltin);
    return [...builtins, ...custom];
  }

  function get(id: string): Instrument {
    const found = list().find((instrument) => instrument.id === id);
    if (!found) throw new AppError('not_found', 'No instrument with that id in this initiative.');
    return found;
  }

  function create(draft: InstrumentDraft, id: string = uuidv7()): Instrument {
    const repeated = repeatedCreate(instrumentRow.get(id), () => get(id), 'instrument');
    if (repeated) return repeated;
    const { name, scale, ratesImportance, sections } = InstrumentDraft.parse(draft);
    const changes: RowChange[] = [
      {
        table: 'readiness_instruments',
        row: id,
        values: { name, scale, rates_importance: ratesImportance ? 1 : 0, tombstone: 0 },
      },
    ];
    sections.forEach((section, s) => {
      const sectionId = uuidv7();
      changes.push({
        table: 'readiness_sections',
        row: sectionId,
        values: { instrument_id: id, title: section.title, position: s, tombstone: 0 },
      });
      section.items.forEach((item, i) =>
        changes.push({
          table: 'readiness_items',
          row: uuidv7(),
          values: { instrument_id: id, section_id: sectionId, text: item, position: i, tombstone: 0 },
        }),
      );
    });
    writePath.write(changes);
    return get(id);
  }

  /** The instrument and section an item or section id belongs to, among those listed. */
  function locate(id: string): { instrument: Instrument; section: ReadinessSection; item?: ReadinessItem } {
    for (const instrument of list())
      for (const section of instrument.sections) {
        if (section.id === id) return { instrument, section };
        const item = section.items.find((one) => one.id === id);
        if (item) return { instrument, section, item };
      }
    throw notFound();
  }

  function updateItem(itemId: string, itemText: string): Instrument {
    const { instrument, section, item } = locate(itemId);
    if (!item) throw notFound();
    // Where it sits is written with the words, so an edited built-in item's row is whole on its own.
    // The tombstone is left alone: an edit must not bring back an item another device removed.
    writePath.write([
      {
        table: 'readiness_items',
        row: itemId,
        values: { instrument_id: instrument.id, section_id: section.id, text: itemText },
      },
    ]);
    return get(instrument.id);
  }

  function addItem(sectionId: string, itemText: string, id: string = uuidv7()): Instrument {
    const { instrument, section, item } = locate(sectionId);
    if (item) throw notFound();
    const repeated = repeatedCreate(itemRow.get(id), () => get(instrument.id), 'item');
    if (repeated) return repeated;
    writePath.write([
      {
        table: 'readiness_items',
        row: id,
        values: {
          instrument_id: instrument.id,
          section_id: section.id,
          text: itemText,
          position: 1000 + section.items.length,
          tombstone: 0,
        },
      },
    ]);
    return get(instrument.id);
  }

  function removeItem(itemId: string): Instrument {
    const { instrument, section, item } = locate(itemId);
    if (!item) throw notFound();
    if (section.items.length === 1) throw new AppError('invalid_input', 'A section keeps at least one item.');
    writePath.write([
      {
        table: 'readiness_items',
        row: itemId,
        values: { instrument_id: instrument.id, section_id: section.id, tombstone: 1 },
      },
    ]);
    return get(instrument.id);
  }

  return { list, get, create, updateItem, addItem, removeItem };
}

export type InstrumentRepository = ReturnType<typeof createInstrumentRepository>;

import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportRequest, ImportPreview, ImportRequest } from '../../../src-main/contract/exchange';
import type { Partner, PartnerDraft, Relationship } from '../../../src-main/contract/partners';
import { openContractFixture, type ContractFixture } from '../contract/contract-fixture';

/** A library in a temp folder, one initiative, and shortcuts through dispatch (as the transports call). */
export interface ExchangeFixture extends ContractFixture {
  initiativeId: string;
  newInitiative(name: string): string;
  addPartner(partner: PartnerDraft, initiativeId?: string): Partner;
  relate(
    fromId: string,
    toId: string,
    kind: string,
    strength?: number,
    note?: string,
    initiativeId?: string,
  ): Relationship;
  partners(initiativeId?: string): Partner[];
  relationships(initiativeId?: string): Relationship[];
  exportFile(
    format: ExportRequest['format'],
    includeContacts?: boolean,
    initiativeId?: string,
  ): { fileName: string; mimeType: string; bytes: Buffer };
  /** Every row of every table in every initiative file, read from disk. */
  fullDump(): Record<string, Record<string, unknown[]>>;
  preview(request: ImportRequest): ImportPreview;
}

export function openExchangeFixture(name = 'Eastside Cradle to Career'): ExchangeFixture {
  const fixture = openContractFixture();
  const newInitiative = (title: string) => fixture.ok('initiatives.create', { name: title }).id;
  const initiativeId = newInitiative(name);
  return {
    ...fixture,
    initiativeId,
    newInitiative,
    addPartner: (partner, id = initiativeId) => fixture.ok('partners.create', { initiativeId: id, partner }),
    relate: (fromId, toId, kind, strength = 2, note = '', id = initiativeId) =>
      fixture.ok('relationships.create', { initiativeId: id, relationship: { fromId, toId, kind, strength, note } }),
    partners: (id = initiativeId) => fixture.ok('partners.list', { initiativeId: id }),
    relationships: (id = initiativeId) => fixture.ok('relationships.list', { initiativeId: id }),
    exportFile(format, includeContacts = false, id = initiativeId) {
      const file = fixture.ok('partners.export', { initiativeId: id, format, includeContacts });
      return { fileName: file.fileName, mimeType: file.mimeType, bytes: Buffer.from(file.contentBase64, 'base64') };
    },
    fullDump() {
      const folder = join(fixture.dataDir, 'initiatives');
      const dump: Record<string, Record<string, unknown[]>> = {};
      for (const file of readdirSync(folder)
        .filter((entry) => entry.endsWith('.sqlite'))
        .sort()) {
        const db = new Database(join(folder, file), { readonly: true, fileMustExist: true });
        try {
          const tables = db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .pluck()
            .all() as string[];
          dump[file] = Object.fromEntries(
            tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
          );
        } finally {
          db.close();
        }
      }
      return dump;
    },
    preview: (request) => fixture.ok('partners.import.preview', request),
  };
}

/** What round-trips: every field but the id (compared separately), in a stable order. */
export function comparable(partners: Partner[]) {
  return partners
    .map(({ id: _id, organisationId, ...rest }) => ({
      ...rest,
      organisation: partners.find((p) => p.id === organisationId)?.name ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

export function comparableRelationships(relationships: Relationship[], partners: Partner[]) {
  const name = (id: string) => partners.find((partner) => partner.id === id)?.name ?? id;
  return relationships
    .map((r) => ({
      from: name(r.fromId),
      to: name(r.toId),
      kind: r.kind,
      strength: r.strength,
      note: r.note,
      direction: r.direction,
    }))
    .sort((a, b) => `${a.from}${a.to}${a.kind}`.localeCompare(`${b.from}${b.to}${b.kind}`));
}

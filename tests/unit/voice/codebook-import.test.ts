import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../src-main/contract/exchange';
import type { Result } from '../../../src-main/contract/result';
import type { QdcImportOutcome, Theme } from '../../../src-main/contract/voice';
import { createHandlers, dispatch, type HandlerMap } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/**
 * A codebook from another tool through the real channels: guids that are valid for REFI-QDA but
 * not RFC 4122 UUIDs, nested codes and a category that is not codable. It must come in whole,
 * stay editable, and go back out as the same tree, valid against the REFI-QDA Codebook schema.
 */
const schema = join(import.meta.dirname, '..', '..', 'fixtures', 'schemas', 'codebook.xsd');
// Variant nibble 1 and C, version nibble 0: the schema's GUIDType takes them, zod's uuid does not.
const categoryGuid = '11111111-2222-0333-1444-555555555555';
const childGuid = '{AAAAAAAA-BBBB-0CCC-CDDD-EEEEEEEEEEEE}';
const file = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Old tool">
  <Codes>
    <Code guid="${categoryGuid}" name="Barriers" isCodable="false">
      <Description>Only groups the codes under it</Description>
      <Code guid="${childGuid}" name="Transport" isCodable="true" color="#81BEF7"/>
      <Code guid="not-a-guid" name="Childcare" isCodable="true" color="red"/>
    </Code>
  </Codes>
  <Sets><Set guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0" name="A set"/></Sets>
</CodeBook>`;

const temp = makeTempDir('common-ground-codebook-');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = <T>(channel: string, input: Record<string, unknown>) => value<T>(dispatch(handlers, channel, input));
const importFile = (xml: string) =>
  call<QdcImportOutcome>('themes.importQdc', {
    initiativeId,
    fileName: 'old-tool.qdc',
    contentBase64: Buffer.from(xml, 'utf8').toString('base64'),
  });
const exported = () =>
  Buffer.from(call<ExportFile>('themes.exportQdc', { initiativeId }).contentBase64, 'base64').toString('utf8');

function validates(xml: string): string {
  const path = join(temp.dir, `${Math.random().toString(36).slice(2)}.qdc`);
  writeFileSync(path, xml);
  try {
    return execFileSync('xmllint', ['--noout', '--schema', schema, path], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    throw new Error(`xmllint refused the export: ${String((error as { stderr?: string }).stderr)}`);
  }
}

beforeAll(() => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000aa', backups: false });
  handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  initiativeId = call<{ id: string }>('initiatives.create', { name: 'Codebook' }).id;
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

describe('a codebook from another tool', () => {
  it('comes in whole, with its tree, its category and what it could not bring in said', () => {
    const outcome = importFile(file);
    expect(outcome).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(outcome.warnings).toEqual([
      { code: 'new_id', name: 'Childcare' },
      { code: 'bad_colour', name: 'Childcare' },
      { code: 'sets_skipped', name: '' },
    ]);
    const themes = call<Theme[]>('themes.list', { initiativeId });
    const byName = new Map(themes.map((theme) => [theme.name, theme]));
    const barriers = byName.get('Barriers')!;
    expect(barriers).toMatchObject({ parentId: null, codable: false });
    expect(byName.get('Transport')).toMatchObject({ parentId: barriers.id, codable: true, colour: '#81bef7' });
    expect(byName.get('Childcare')).toMatchObject({ parentId: barriers.id, codable: true });
    // Importing it again changes nothing.
    expect(importFile(file)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('leaves every theme editable and deletable, whatever guid it came with', () => {
    const themes = call<Theme[]>('themes.list', { initiativeId });
    for (const theme of themes) {
      const renamed = call<Theme>('themes.update', {
        initiativeId,
        themeId: theme.id,
        patch: { description: `${theme.description} (edited)` },
      });
      expect(renamed.description).toMatch(/\(edited\)$/);
    }
    const transport = themes.find((theme) => theme.name === 'Transport')!;
    call('themes.delete', { initiativeId, themeId: transport.id });
    call('themes.restore', { initiativeId, themeId: transport.id });
  });

  it('goes back out as the same tree with the guids it came with, valid against Codebook.xsd', () => {
    const xml = exported();
    validates(xml);
    expect(xml).toContain(`guid="${categoryGuid}"`);
    expect(xml).toContain(`guid="${childGuid}"`);
    // Transport sits inside Barriers, which is a category.
    expect(xml).toMatch(
      new RegExp(
        `<Code guid="${categoryGuid}" name="Barriers" isCodable="false"[^>]*>[\\s\\S]*name="Transport"[\\s\\S]*</Code>`,
      ),
    );
    // And our own export comes back in as it was.
    expect(importFile(xml)).toMatchObject({ created: 0, updated: 0, unchanged: 3, warnings: [] });
  });

  it('exports themes made in the app as a valid codebook too', () => {
    call('themes.create', {
      initiativeId,
      theme: { name: 'Made here <& "quoted">', description: 'Line one\nline two' },
    });
    validates(exported());
  });
});

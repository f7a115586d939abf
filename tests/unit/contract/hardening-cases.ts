import { readFileSync } from 'node:fs';
import type { Channel } from '../../../src-main/contract/channels';
import { InitiativeDraft } from '../../../src-main/contract/models';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import type { ContractFixture } from './contract-fixture';

/** The channels of backups and whole-initiative files. */
export type HardeningChannel = Extract<
  Channel,
  `backups.${string}` | 'initiatives.exportFile' | 'initiatives.importFile'
>;

export function isHardeningChannel(channel: Channel): channel is HardeningChannel {
  return channel.startsWith('backups.') || channel === 'initiatives.exportFile' || channel === 'initiatives.importFile';
}

export interface HardeningIds {
  initiativeId: string;
  backupName: string;
  /** An initiative file made on another "device", ready to import here. */
  importableBase64: string;
}

/** A real initiative file from a separate data folder, as base64. */
export function foreignInitiativeFile(name = 'Westside Health Collaborative'): string {
  const temp = makeTempDir('common-ground-foreign-');
  const library = new InitiativeLibrary(temp.dir, { node: '00000000000000bb', backups: false });
  try {
    const { id } = library.create(InitiativeDraft.parse({ name }));
    library.close();
    return readFileSync(library.fileFor(id)).toString('base64');
  } finally {
    library.close();
    temp.cleanup();
  }
}

let importable: string | undefined;

export async function seedHardening(fixture: ContractFixture, initiativeId: string): Promise<HardeningIds> {
  const created = await fixture.callAsync('backups.create', { initiativeId });
  if (!created.ok) throw new Error(`backups.create failed: ${JSON.stringify(created.error)}`);
  const backupName = (created.value as { fileName: string }).fileName;
  return { initiativeId, backupName, importableBase64: (importable ??= foreignInitiativeFile()) };
}

export function hardeningValidInput(channel: HardeningChannel, ids: HardeningIds): Record<string, unknown> {
  switch (channel) {
    case 'backups.list':
    case 'backups.create':
    case 'backups.restoreDamaged':
      return { initiativeId: ids.initiativeId };
    case 'initiatives.exportFile':
      return { initiativeId: ids.initiativeId, passphrase: 'a long team passphrase' };
    case 'backups.restore':
      return { initiativeId: ids.initiativeId, fileName: ids.backupName };
    case 'initiatives.importFile':
      return { fileName: 'westside.sqlite', contentBase64: ids.importableBase64 };
  }
}

const traversals = [
  '../../initiatives/x.sqlite',
  '..\\..\\x.sqlite',
  '/etc/passwd',
  '20261123T123007123Z.sqlite/../../x',
  '20261123T123007123Z.sqlite\u0000',
  'C:\\Windows\\x.sqlite',
  '',
  'backup.sqlite',
];

export function hardeningBadInputs(channel: HardeningChannel, ids: HardeningIds): [string, unknown][] {
  const valid = hardeningValidInput(channel, ids);
  const extra: [string, unknown] = ['an unknown extra field', { ...valid, unexpected: 1 }];
  const idCases: [string, unknown][] = [
    ['initiativeId missing', {}],
    ['initiativeId a number', { ...valid, initiativeId: 7 }],
    ['initiativeId a path', { ...valid, initiativeId: '../../etc/passwd' }],
  ];
  switch (channel) {
    case 'backups.list':
    case 'backups.create':
    case 'backups.restoreDamaged':
      return [extra, ...idCases];
    case 'initiatives.exportFile':
      return [
        extra,
        ...idCases,
        ['passphrase missing', { initiativeId: ids.initiativeId }],
        ['passphrase too short', { ...valid, passphrase: 'short' }],
        ['passphrase a number', { ...valid, passphrase: 12345678901 }],
      ];
    case 'backups.restore':
      return [
        extra,
        ...idCases,
        ['fileName missing', { initiativeId: ids.initiativeId }],
        ['fileName a number', { ...valid, fileName: 3 }],
        ...traversals.map((name): [string, unknown] => [
          `fileName ${JSON.stringify(name)}`,
          { ...valid, fileName: name },
        ]),
      ];
    case 'initiatives.importFile':
      return [
        extra,
        ['content missing', { fileName: 'x.sqlite' }],
        ['content empty', { fileName: 'x.sqlite', contentBase64: '' }],
        ['content a number', { fileName: 'x.sqlite', contentBase64: 12 }],
        ['file name too long', { ...valid, fileName: 'x'.repeat(300) }],
      ];
  }
}

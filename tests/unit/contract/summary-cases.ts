import type { Channel } from '../../../src-main/contract/channels';
import type { ContractFixture } from './contract-fixture';
import type { MeetingIds } from './meeting-cases';

/** The channels of session summaries: preview, export and per-partner batches. */
export type SummaryChannel = Extract<Channel, `summary.${string}`>;

export function isSummaryChannel(channel: Channel): channel is SummaryChannel {
  return channel.startsWith('summary.');
}

export interface SummaryIds {
  initiativeId: string;
  sessionId: string;
  partnerId: string;
  /** A finished per-partner export, for the status and cancel channels. */
  jobId: string;
}

/** A finished Markdown batch for the meeting's session, waited for so nothing runs after the test. */
export async function seedSummary(fixture: ContractFixture, meeting: MeetingIds): Promise<SummaryIds> {
  const { initiativeId, sessionId, partnerId } = meeting;
  const started = await fixture.callAsync('summary.batchStart', { initiativeId, sessionId, format: 'md' });
  if (!started.ok) throw new Error(`summary.batchStart failed: ${JSON.stringify(started.error)}`);
  const { jobId } = started.value as { jobId: string };
  for (;;) {
    const status = await fixture.callAsync('summary.batchStatus', { jobId });
    if (!status.ok) throw new Error(JSON.stringify(status.error));
    if ((status.value as { state: string }).state !== 'running') break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { initiativeId, sessionId, partnerId, jobId };
}

export function summaryValidInput(channel: SummaryChannel, ids: SummaryIds): Record<string, unknown> {
  const { initiativeId, sessionId, partnerId, jobId } = ids;
  switch (channel) {
    case 'summary.preview':
      return { initiativeId, sessionId, language: 'ar', partnerId };
    case 'summary.export':
      return { initiativeId, sessionId, language: 'fr', format: 'md' };
    case 'summary.batchStart':
      return { initiativeId, sessionId, format: 'html', partnerIds: [partnerId], packaging: 'files' };
    case 'summary.batchStatus':
    case 'summary.batchCancel':
    case 'summary.batchFile':
      return { jobId };
  }
}

export function summaryBadInputs(channel: SummaryChannel, ids: SummaryIds): [string, unknown][] {
  const valid = summaryValidInput(channel, ids);
  const extra: [string, unknown] = ['an unknown extra field', { ...valid, unexpected: 1 }];
  if (channel === 'summary.batchStatus' || channel === 'summary.batchCancel' || channel === 'summary.batchFile')
    return [
      extra,
      ['job id missing', {}],
      ['job id a path', { jobId: '../../etc/passwd' }],
      ['job id a number', { jobId: 7 }],
    ];
  const common: [string, unknown][] = [
    extra,
    ['initiativeId missing', { ...valid, initiativeId: undefined }],
    ['sessionId not an id', { ...valid, sessionId: 'november' }],
    ['unknown language', { ...valid, language: 'de' }],
    ['partner not an id', { ...valid, partnerId: 'Ana' }],
  ];
  if (channel === 'summary.preview') return common;
  if (channel === 'summary.export')
    return [
      ...common,
      ['unknown format', { ...valid, format: 'rtf' }],
      ['format missing', { ...valid, format: undefined }],
    ];
  return [
    ...common.filter(([label]) => label !== 'partner not an id'),
    ['zip is not a per-partner format', { ...valid, format: 'ics' }],
    ['partners not a list', { ...valid, partnerIds: ids.partnerId }],
    ['unknown packaging', { ...valid, packaging: 'tar' }],
  ];
}

import { describe, expect, it } from 'vitest';
import { syncProgressView } from '../../../src-renderer/features/settings/sync-progress';

describe('the progress bar of a sync', () => {
  it('fills while sending (the total is known), counts while receiving, and waits before anything moved', () => {
    expect(syncProgressView(null)).toEqual({ kind: 'starting' });
    expect(syncProgressView({ phase: 'sending', received: 40, sent: 1200, total: 3400 })).toEqual({
      kind: 'sending',
      sent: 1200,
      total: 3400,
    });
    expect(syncProgressView({ phase: 'receiving', received: 1234, sent: 0, total: null })).toEqual({
      kind: 'receiving',
      received: 1234,
    });
    // A total of nothing cannot fill a bar; a count past the total (writes meanwhile) stays full.
    expect(syncProgressView({ phase: 'sending', received: 7, sent: 0, total: 0 })).toEqual({
      kind: 'receiving',
      received: 7,
    });
    expect(syncProgressView({ phase: 'sending', received: 0, sent: 12, total: 10 })).toMatchObject({ sent: 10 });
  });
});

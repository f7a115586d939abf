import { useTranslation } from 'react-i18next';
import type { Round, Sheet } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { useReadiness } from './store';

/**
 * The sheets typed in for a round, each removable (a sheet typed twice, or for the wrong round),
 * and the round itself; every removal offers Undo, since one wrong click must not lose the paper's work.
 */
export function SheetList({ round }: { round: Round }) {
  const { t } = useTranslation();
  const sheets = useReadiness((state) => state.sheets);
  const initiativeId = useReadiness((state) => state.initiativeId);
  const toast = useToast((state) => state.show);

  async function afterWrite(result: { ok: true } | { ok: false; error: Parameters<typeof describeError>[0] }) {
    if (!result.ok) toast(describeError(result.error));
    await useReadiness.getState().refetch();
  }

  async function removeSheet(sheet: Sheet, number: number) {
    if (!initiativeId) return;
    const removed = await call('readiness.sheets.delete', { initiativeId, sheetId: sheet.id });
    await afterWrite(removed);
    if (removed.ok)
      toast(t('readiness.edits.sheetRemoved', { number }), t('readiness.edits.undo'), () => {
        void call('readiness.sheets.restore', { initiativeId, sheetId: sheet.id }).then(afterWrite);
      });
  }

  async function removeRound() {
    if (!initiativeId) return;
    const removed = await call('readiness.rounds.delete', { initiativeId, roundId: round.id });
    if (!removed.ok) return toast(describeError(removed.error));
    await useReadiness.getState().openRound(null);
    toast(t('readiness.edits.roundRemoved', { title: round.title }), t('readiness.edits.undo'), () => {
      void call('readiness.rounds.restore', { initiativeId, roundId: round.id }).then(async (restored) => {
        if (!restored.ok) return toast(describeError(restored.error));
        await useReadiness.getState().openRound(round.id);
      });
    });
  }

  return (
    <section className="card" aria-label={t('readiness.edits.sheetsTitle')}>
      <h3>{t('readiness.edits.sheetsTitle')}</h3>
      {sheets.length === 0 ? <p className="field__hint">{t('readiness.edits.noSheets')}</p> : null}
      <ol className="readiness__sheets">
        {sheets.map((sheet, index) => (
          <li key={sheet.id}>
            {t('readiness.edits.sheetLine', {
              number: index + 1,
              sector: t(`sectors.${sheet.sector}`),
              rated: Object.keys(sheet.answers).length,
            })}
            {sheet.livedExperience ? ` · ${t('readiness.edits.livedExperience')}` : ''}{' '}
            <button
              type="button"
              className="button button--ghost"
              aria-label={t('readiness.edits.removeSheet', { number: index + 1 })}
              onClick={() => void removeSheet(sheet, index + 1)}
            >
              {t('readiness.edits.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => void removeRound()}>
        {t('readiness.edits.removeRound', { title: round.title })}
      </button>
    </section>
  );
}

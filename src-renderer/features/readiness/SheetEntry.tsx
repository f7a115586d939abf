import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { knownSectors, type Instrument, type SheetDraft } from '../../../src-main/contract/index';
import { describeError } from '../../i18n/index';
import { shownText } from './labels';
import { useReadiness } from './store';

type Answers = Record<string, { level: string; importance: string }>;

/**
 * One paper sheet typed in: sector and lived experience first, then Tab through the items typing a
 * digit in each field, and Enter saves the sheet and starts the next. A field takes only a digit
 * its scale allows, so a slip of the finger shows at once instead of saving a wrong rating.
 */
export function SheetEntry({ roundId, instrument }: { roundId: string; instrument: Instrument }) {
  const { t, i18n } = useTranslation();
  const saveSheet = useReadiness((state) => state.saveSheet);
  // No sector until one is chosen: a sheet is never filed under a sector nobody picked.
  const [sector, setSector] = useState<SheetDraft['sector'] | ''>('');
  const [livedExperience, setLivedExperience] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sectorRef = useRef<HTMLSelectElement>(null);
  const items = instrument.sections.flatMap((section) => section.items);

  function setDigit(itemId: string, field: 'level' | 'importance', typed: string) {
    const digit = typed.slice(-1);
    const max = field === 'level' ? 4 : 5;
    if (digit !== '' && !(Number(digit) >= 1 && Number(digit) <= max)) {
      setError(field === 'level' ? t('readiness.sheet.levelRange') : t('readiness.sheet.importanceRange'));
      return;
    }
    setError(null);
    setAnswers((current) => ({
      ...current,
      [itemId]: { ...(current[itemId] ?? { level: '', importance: '' }), [field]: digit },
    }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const draft: SheetDraft['answers'] = {};
    for (const [itemId, answer] of Object.entries(answers)) {
      const level = answer.level === '' ? null : Number(answer.level);
      const importance = answer.importance === '' ? null : Number(answer.importance);
      if (level !== null || importance !== null) draft[itemId] = { level, importance };
    }
    if (sector === '') {
      setError(t('readiness.sheet.noSector'));
      sectorRef.current?.focus();
      return;
    }
    if (Object.keys(draft).length === 0) return setError(t('readiness.sheet.empty'));
    const failure = await saveSheet(roundId, { sector, livedExperience, answers: draft });
    if (failure) return setError(describeError(failure));
    setAnswers({});
    setLivedExperience(false);
    setError(null);
    setNotice(t('readiness.sheet.saved'));
    sectorRef.current?.focus();
  }

  return (
    <form className="card readiness__sheet" aria-label={t('readiness.sheet.title')} onSubmit={save}>
      <h3>{t('readiness.sheet.title')}</h3>
      <p className="field__hint">{t('readiness.sheet.hint')}</p>
      <div className="readiness__rater">
        <label>
          {t('readiness.sheet.sector')}
          <select
            ref={sectorRef}
            value={sector}
            aria-invalid={error === t('readiness.sheet.noSector') ? true : undefined}
            onChange={(e) => {
              setSector(e.target.value as SheetDraft['sector']);
              setError(null);
            }}
          >
            <option value="" disabled>
              {t('readiness.sheet.chooseSector')}
            </option>
            {knownSectors.map((one) => (
              <option key={one} value={one}>
                {t(`sectors.${one}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="readiness__check">
          <input type="checkbox" checked={livedExperience} onChange={(e) => setLivedExperience(e.target.checked)} />
          {t('readiness.sheet.livedExperience')}
        </label>
      </div>
      <table className="table readiness__entry">
        <thead>
          <tr>
            <th scope="col">{t('readiness.results.item')}</th>
            <th scope="col">{t('readiness.sheet.level')}</th>
            {instrument.ratesImportance ? <th scope="col">{t('readiness.sheet.importance')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const text = shownText(item.text, item.builtinText, i18n.language);
            return (
              <tr key={item.id}>
                <th scope="row">{text}</th>
                <td>
                  <input
                    className="readiness__digit"
                    inputMode="numeric"
                    aria-label={t('readiness.sheet.levelOf', { item: text })}
                    value={answers[item.id]?.level ?? ''}
                    onChange={(e) => setDigit(item.id, 'level', e.target.value)}
                  />
                </td>
                {instrument.ratesImportance ? (
                  <td>
                    <input
                      className="readiness__digit"
                      inputMode="numeric"
                      aria-label={t('readiness.sheet.importanceOf', { item: text })}
                      value={answers[item.id]?.importance ?? ''}
                      onChange={(e) => setDigit(item.id, 'importance', e.target.value)}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {notice && !error ? (
        <p className="field__hint" role="status">
          {notice}
        </p>
      ) : null}
      <button type="submit" className="button button--primary">
        {t('readiness.sheet.save')}
      </button>
    </form>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { periodFits, type Indicator, type ReadingEntry } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { cellKey, gridRows, readBlock, readCount, readFigure, type GridRow } from './grid-values';
import { exampleKey } from './labels';
import { useMeasures } from './store';

interface CellText {
  value: string;
  count: string;
}

const columns = ['value', 'count'] as const;

/** One indicator's readings for one period: the total and each group, keyboard first. */
export function EntryGrid({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const readings = useMeasures((state) => state.readings);
  const ready = useMeasures((state) => state.readingsReady && state.readingsOf === indicator.id);
  const openReadings = useMeasures((state) => state.openReadings);
  const [period, setPeriod] = useState(indicator.baseline?.period ?? '');
  const [typedPeriod, setTypedPeriod] = useState('');
  const [periodError, setPeriodError] = useState<string | null>(null);
  // '' for one dimension at a time; otherwise two dimension ids joined by a comma.
  const [crossing, setCrossing] = useState('');
  const dimensions = useMeasures((state) => state.dimensions);
  const pairs = useMemo(() => {
    const named = indicator.dimensionIds.flatMap((id) => {
      const dimension = dimensions.find((d) => d.id === id);
      return dimension ? [dimension] : [];
    });
    return named.flatMap((a, i) => named.slice(i + 1).map((b) => ({ ids: [a.id, b.id] as const, a, b })));
  }, [indicator.dimensionIds, dimensions]);
  const cross = pairs.find((pair) => pair.ids.join(',') === crossing)?.ids ?? null;

  useEffect(() => {
    void openReadings(indicator.id);
    return () => void openReadings(null);
  }, [indicator.id, openReadings]);

  const periods = useMemo(() => {
    const known = new Set([
      ...(indicator.baseline ? [indicator.baseline.period] : []),
      ...indicator.targets.map((target) => target.period),
      ...readings.map((reading) => reading.period),
      ...(period ? [period] : []),
    ]);
    return [...known].sort();
  }, [indicator, readings, period]);

  function openPeriod() {
    const wanted = typedPeriod.trim();
    if (!periodFits(indicator.reportingPeriod, wanted))
      return setPeriodError(t('measures.errors.period', { example: t(exampleKey[indicator.reportingPeriod]) }));
    setPeriodError(null);
    setPeriod(wanted);
    setTypedPeriod('');
  }

  return (
    <section className="card" aria-labelledby="grid-title">
      <h2 id="grid-title">{t('measures.grid.title')}</h2>
      <p className="field__hint">{t('measures.grid.hint')}</p>
      <div className="measures__periods" role="group" aria-label={t('measures.grid.periods')}>
        {periods.map((known) => (
          <button
            key={known}
            type="button"
            className={known === period ? 'button button--small button--primary' : 'button button--small'}
            aria-pressed={known === period}
            onClick={() => setPeriod(known)}
          >
            {known}
          </button>
        ))}
      </div>
      <form
        className="measures__open-period"
        onSubmit={(event) => {
          event.preventDefault();
          openPeriod();
        }}
      >
        <Field
          label={t('measures.grid.otherPeriod')}
          error={periodError}
          hint={t(exampleKey[indicator.reportingPeriod])}
        >
          {(props) => <input {...props} value={typedPeriod} onChange={(e) => setTypedPeriod(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--small">
          {t('measures.grid.open')}
        </button>
      </form>
      {pairs.length > 0 ? (
        <Field label={t('measures.crossTab.label')}>
          {(props) => (
            <select {...props} value={crossing} onChange={(event) => setCrossing(event.target.value)}>
              <option value="">{t('measures.crossTab.oneWay')}</option>
              {pairs.map((pair) => (
                <option key={pair.ids.join(',')} value={pair.ids.join(',')}>
                  {t('measures.crossTab.pair', { first: pair.a.name, second: pair.b.name })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {period && ready ? (
        <PeriodGrid key={`${period}|${crossing}`} indicator={indicator} period={period} cross={cross} />
      ) : null}
    </section>
  );
}

function PeriodGrid({
  indicator,
  period,
  cross,
}: {
  indicator: Indicator;
  period: string;
  cross: readonly [string, string] | null;
}) {
  const { t } = useTranslation();
  const dimensions = useMeasures((state) => state.dimensions);
  const saveReadings = useMeasures((state) => state.saveReadings);
  const rows = useMemo(() => gridRows(indicator, dimensions, cross), [indicator, dimensions, cross]);
  const tableRef = useRef<HTMLTableElement>(null);
  // Filled once from what is stored; after that the cells hold what the person typed.
  const [cells, setCells] = useState<Record<string, CellText>>(() => {
    const initial: Record<string, CellText> = {};
    for (const reading of useMeasures.getState().readings) {
      if (reading.period !== period) continue;
      initial[cellKey(reading.categoryIds)] = {
        value: String(reading.value),
        count: reading.count === null ? '' : String(reading.count),
      };
    }
    return initial;
  });
  const [pasteError, setPasteError] = useState<string | null>(null);
  const missing = rows.filter((row) => (cells[row.key]?.value ?? '').trim() === '').length;

  function focusCell(row: number, column: number) {
    tableRef.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${column}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    focusCell(row + (event.shiftKey ? -1 : 1), column);
  }

  /** A block from a spreadsheet fills down and across from the cell pasted into, saved as one write. */
  async function onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number) {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const block = readBlock(text);
    const next = { ...cells };
    const entries: ReadingEntry[] = [];
    block.forEach((line, i) => {
      const target = rows[row + i];
      if (!target) return;
      const cell = { ...(next[target.key] ?? { value: '', count: '' }) };
      line.forEach((typed, j) => {
        const name = columns[column + j];
        if (name) cell[name] = typed.trim();
      });
      next[target.key] = cell;
      const entry = entryOf(period, target, cell);
      if (entry) entries.push(entry);
    });
    setCells(next);
    const bad = block.length > rows.length - row || entries.length < Math.min(block.length, rows.length - row);
    setPasteError(bad ? t('measures.grid.pasteSkipped') : null);
    if (entries.length > 0) {
      const failure = await saveReadings(indicator.id, entries);
      if (failure) setPasteError(describeError(failure));
    }
  }

  return (
    <>
      <p className="measures__missing" aria-live="polite">
        {t('measures.grid.missingCount', { count: missing, period })}
      </p>
      {pasteError ? (
        <p className="field__error" role="alert">
          {pasteError}
        </p>
      ) : null}
      <table className="measures__grid" ref={tableRef} aria-label={t('measures.grid.tableLabel', { period })}>
        <thead>
          <tr>
            <th scope="col">{t('measures.grid.group')}</th>
            <th scope="col">{t('measures.grid.value')}</th>
            <th scope="col">{t('measures.grid.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <GridRowView
              key={row.key}
              indicatorId={indicator.id}
              period={period}
              row={row}
              index={index}
              cell={cells[row.key] ?? { value: '', count: '' }}
              onChange={(cell) => setCells((current) => ({ ...current, [row.key]: cell }))}
              onKeyDown={onKeyDown}
              onPaste={onPaste}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The entry a row's text makes, or null when it is not a figure (it stays on screen, unsaved). */
function entryOf(period: string, row: GridRow, cell: CellText): ReadingEntry | null {
  const value = readFigure(cell.value);
  const count = readCount(cell.count);
  if (Number.isNaN(value) || Number.isNaN(count)) return null;
  return { period, categoryIds: row.categoryIds, value, count: value === null ? null : count };
}

interface RowProps {
  indicatorId: string;
  period: string;
  row: GridRow;
  index: number;
  cell: CellText;
  onChange(cell: CellText): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number): void;
  onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number): void;
}

function GridRowView({ indicatorId, period, row, index, cell, onChange, onKeyDown, onPaste }: RowProps) {
  const { t } = useTranslation();
  const saveReadings = useMeasures((state) => state.saveReadings);
  const [error, setError] = useState<string | null>(null);
  // Each row has its own saver, so typing in one row never drops what was typed in another.
  const saveNow = useAutosave(
    useCallback(
      async (entry: ReadingEntry) => {
        const failure = await saveReadings(indicatorId, [entry]);
        setError(failure ? describeError(failure) : null);
      },
      [indicatorId, saveReadings],
    ),
  );
  const label = row.label ?? t('measures.grid.total');
  const valueBad = Number.isNaN(readFigure(cell.value));
  const countBad = Number.isNaN(readCount(cell.count));

  function change(next: CellText) {
    onChange(next);
    const entry = entryOf(period, row, next);
    if (!entry)
      return setError(t(Number.isNaN(readFigure(next.value)) ? 'measures.errors.figure' : 'measures.errors.count'));
    setError(null);
    saveNow(entry);
  }

  const missing = cell.value.trim() === '';
  return (
    <tr className={missing ? 'measures__row--missing' : undefined}>
      <th scope="row">
        {label}
        {error ? (
          <span className="field__error" role="alert">
            {' '}
            {error}
          </span>
        ) : null}
      </th>
      <td>
        <input
          data-cell={`${index}-0`}
          aria-label={t('measures.grid.valueOf', { group: label })}
          aria-invalid={valueBad}
          inputMode="decimal"
          placeholder={t('measures.grid.missing')}
          className={missing ? 'measures__cell measures__cell--missing' : 'measures__cell'}
          value={cell.value}
          onChange={(e) => change({ ...cell, value: e.target.value })}
          onKeyDown={(e) => onKeyDown(e, index, 0)}
          onPaste={(e) => void onPaste(e, index, 0)}
        />
      </td>
      <td>
        <input
          data-cell={`${index}-1`}
          aria-label={t('measures.grid.countOf', { group: label })}
          aria-invalid={countBad}
          inputMode="numeric"
          className="measures__cell"
          value={cell.count}
          onChange={(e) => change({ ...cell, count: e.target.value })}
          onKeyDown={(e) => onKeyDown(e, index, 1)}
          onPaste={(e) => void onPaste(e, index, 1)}
        />
      </td>
    </tr>
  );
}

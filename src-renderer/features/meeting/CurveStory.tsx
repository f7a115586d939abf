import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { CurveFactor, FactorKind } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { AutosaveText } from '../../components/AutosaveText';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';

const kindKey: Record<FactorKind, string> = {
  helps: 'dataItem.story.helps',
  holds_back: 'dataItem.story.holdsBack',
};

/**
 * The story behind the curve: what helps and what holds the indicator back, as short notes, each
 * saved as it is typed (the line being written too). Enter files the line and starts another.
 */
export function CurveStory({
  initiativeId,
  itemId,
  factors,
  onChange,
}: {
  initiativeId: string;
  itemId: string;
  factors: readonly CurveFactor[];
  onChange(): void;
}) {
  return (
    <div className="data-item__story">
      {(['helps', 'holds_back'] as const).map((kind) => (
        <FactorList
          key={kind}
          kind={kind}
          initiativeId={initiativeId}
          itemId={itemId}
          factors={factors.filter((factor) => factor.kind === kind)}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function FactorList({
  kind,
  initiativeId,
  itemId,
  factors,
  onChange,
}: {
  kind: FactorKind;
  initiativeId: string;
  itemId: string;
  factors: readonly CurveFactor[];
  onChange(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => ({ id: uuidv7(), text: '' }));
  const [error, setError] = useState<string | null>(null);
  const [filing, setFiling] = useState<ReadonlySet<string>>(() => new Set());
  /** Notes of this line already stored: the next keystroke updates them rather than adding. */
  const stored = useRef(new Set<string>());
  const title = t(kindKey[kind]);

  // The line being typed is stored from its first keystroke (nothing said in the room is lost to
  // a crash); its id is made here once, so a repeated create is the same note, never a second one.
  const saveDraft = useAutosave(
    useCallback(
      async ({ id, text }: { id: string; text: string }) => {
        const words = text.trim();
        const known = stored.current.has(id);
        if (!words && !known) return;
        const result = !words
          ? await call('dataItems.deleteFactor', { initiativeId, factorId: id })
          : known
            ? await call('dataItems.updateFactor', { initiativeId, factorId: id, text: words })
            : await call('dataItems.addFactor', { initiativeId, itemId, kind, text: words, id });
        if (!result.ok) return setError(describeError(result.error));
        setError(null);
        if (!words) stored.current.delete(id);
        else if (!known) stored.current.add(id);
      },
      [initiativeId, itemId, kind],
    ),
  );

  function type(text: string) {
    setDraft((current) => ({ ...current, text }));
    saveDraft({ id: draft.id, text });
  }

  /**
   * Enter files the line under the list and starts a new one. The final words are written here,
   * not left to the typing saver, which keeps only the newest value and would drop them once the
   * next line is typed. The filed note is listed once they are stored, so its field starts from them.
   */
  async function file() {
    const words = draft.text.trim();
    if (!words) return;
    const id = draft.id;
    setDraft({ id: uuidv7(), text: '' });
    setFiling((current) => new Set(current).add(id));
    const added = await call('dataItems.addFactor', { initiativeId, itemId, kind, text: words, id });
    const result =
      added.ok && added.value.text !== words
        ? await call('dataItems.updateFactor', { initiativeId, factorId: id, text: words })
        : added;
    if (result.ok) stored.current.add(id);
    else setError(describeError(result.error));
    setFiling((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
    onChange();
  }

  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <ul className="data-item__factors" aria-label={title}>
        {factors
          .filter((factor) => factor.id !== draft.id && !filing.has(factor.id))
          .map((factor) => (
            <li key={factor.id}>
              <AutosaveText
                label={t('dataItem.story.note')}
                value={factor.text}
                required
                save={async (value) => {
                  const result = await call('dataItems.updateFactor', {
                    initiativeId,
                    factorId: factor.id,
                    text: value,
                  });
                  return result.ok ? null : result.error;
                }}
              />
              <button
                type="button"
                className="link-button"
                aria-label={t('dataItem.story.remove', { text: factor.text })}
                onClick={() =>
                  void call('dataItems.deleteFactor', { initiativeId, factorId: factor.id }).then(onChange)
                }
              >
                ×
              </button>
            </li>
          ))}
      </ul>
      <input
        aria-label={t('dataItem.story.add', { list: title })}
        placeholder={t('dataItem.story.add', { list: title })}
        value={draft.text}
        maxLength={1000}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void file();
          }
        }}
      />
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

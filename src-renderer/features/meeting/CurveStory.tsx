import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { CurveFactor, FactorKind } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { AutosaveText } from '../../components/AutosaveText';
import { describeError } from '../../i18n/index';

const kindKey: Record<FactorKind, string> = {
  helps: 'dataItem.story.helps',
  holds_back: 'dataItem.story.holdsBack',
};

/**
 * The story behind the curve: what helps and what holds the indicator back, as short notes. Each
 * note is saved as it is typed; a new one is made on Enter with an id chosen here, so pressing
 * Enter twice on a slow answer makes one note, not two.
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
  const [text, setText] = useState('');
  const [pendingId, setPendingId] = useState(() => uuidv7());
  const [error, setError] = useState<string | null>(null);
  const title = t(kindKey[kind]);

  async function add() {
    const next = text.trim();
    if (!next) return;
    const result = await call('dataItems.addFactor', { initiativeId, itemId, kind, text: next, id: pendingId });
    if (!result.ok) return setError(describeError(result.error));
    setError(null);
    setText('');
    setPendingId(uuidv7());
    onChange();
  }

  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <ul className="data-item__factors" aria-label={title}>
        {factors.map((factor) => (
          <li key={factor.id}>
            <AutosaveText
              label={t('dataItem.story.note')}
              value={factor.text}
              required
              save={async (value) => {
                const result = await call('dataItems.updateFactor', { initiativeId, factorId: factor.id, text: value });
                return result.ok ? null : result.error;
              }}
            />
            <button
              type="button"
              className="link-button"
              aria-label={t('dataItem.story.remove', { text: factor.text })}
              onClick={() => void call('dataItems.deleteFactor', { initiativeId, factorId: factor.id }).then(onChange)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label={t('dataItem.story.add', { list: title })}
        placeholder={t('dataItem.story.add', { list: title })}
        value={text}
        maxLength={1000}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void add();
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

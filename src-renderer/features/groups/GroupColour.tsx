import './groups.css';
import { useCallback, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../src-main/contract/index';
import { useToast } from '../../components/Toast';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { groupPalette } from './colours';
import { useGroups } from './store';

/**
 * A group's colour: a row of swatches (radio buttons, so arrow keys move between them and a
 * screen reader names each) and a colour input for any other colour. The choice shows at once;
 * saves go through one coalescing saver, as dragging in the colour input sends many values.
 */
export function GroupColour({ group }: { group: Group }) {
  const { t } = useTranslation();
  const updateGroup = useGroups((state) => state.updateGroup);
  const showToast = useToast((state) => state.show);
  const saved = group.colour.toLowerCase();
  const [shown, setShown] = useState(saved);
  const [reported, setReported] = useState(saved);
  if (reported !== saved) {
    setReported(saved);
    setShown(saved);
  }
  const save = useAutosave(
    useCallback(
      async (colour: string) => {
        const failure = await updateGroup(group.id, { colour });
        if (failure) showToast(describeError(failure));
      },
      [updateGroup, group.id, showToast],
    ),
  );
  const choose = (colour: string) => {
    setShown(colour.toLowerCase());
    save(colour.toLowerCase());
  };

  return (
    <fieldset className="colour-picker">
      <legend>{t('groups.colour')}</legend>
      <div className="colour-picker__swatches">
        {groupPalette.map(({ colour, nameKey }) => (
          <input
            key={colour}
            type="radio"
            className="colour-picker__swatch"
            style={{ '--swatch': colour } as CSSProperties}
            name={`colour-of-${group.id}`}
            value={colour}
            checked={shown === colour}
            aria-label={t(nameKey)}
            title={t(nameKey)}
            onChange={() => choose(colour)}
          />
        ))}
        <label className="colour-picker__own">
          <input type="color" value={shown} onChange={(event) => choose(event.target.value)} />
          {t('groups.otherColour')}
        </label>
      </div>
    </fieldset>
  );
}

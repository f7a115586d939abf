import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementStages, type Partner, type PartnerPatch } from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { Field } from '../../components/Field';
import { useAutosave } from '../../components/useAutosave';
import { stageKey } from './labels';
import { PartnerLinks } from './PartnerLinks';
import { KindSelect, SectorSelect } from './SectorSelect';
import { usePartners } from './store';
import { longTextLimit } from '../../components/TooLongNotice';

const ratings = [1, 2, 3, 4, 5] as const;

/** Everything about one partner, each field saved as it changes. */
export function PartnerDetail({ partner, onClose }: { partner: Partner; onClose(): void }) {
  const { t } = useTranslation();
  const update = usePartners((state) => state.update);
  const organisations = usePartners((state) => state.partners).filter(
    (candidate) => candidate.kind === 'organisation' && candidate.id !== partner.id,
  );
  const save = (patch: PartnerPatch) => update(partner.id, patch);
  // A custom sector arrives a keystroke at a time; the saver sends only the newest while one is
  // in flight, and an empty box is not a sector, so it is not saved.
  const saveSector = useAutosave(useCallback((sector: string) => update(partner.id, { sector }), [update, partner.id]));

  return (
    <aside className="detail card" aria-label={t('partners.details')}>
      <header className="detail__header">
        <h2>{partner.name}</h2>
        <button type="button" className="button button--small button--ghost" onClick={onClose}>
          {t('partners.close')}
        </button>
      </header>
      <AutosaveText label={t('partners.name')} value={partner.name} required save={(name) => save({ name })} />
      <div className="detail__row">
        <Field label={t('partners.kind')}>
          {(props) => <KindSelect id={props.id} value={partner.kind} onChange={(kind) => void save({ kind })} />}
        </Field>
        <Field label={t('partners.sector')}>
          {(props) => (
            <SectorSelect id={props.id} value={partner.sector} onChange={(sector) => sector && saveSector(sector)} />
          )}
        </Field>
      </div>
      {partner.kind === 'person' ? (
        <Field label={t('partners.organisation')}>
          {(props) => (
            <select
              {...props}
              value={partner.organisationId ?? ''}
              onChange={(event) => void save({ organisationId: event.target.value || null })}
            >
              <option value="">{t('partners.noOrganisation')}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <SavedCheckbox
        label={t('partners.livedExperience')}
        checked={partner.livedExperience}
        save={(livedExperience) => void save({ livedExperience })}
      />
      <div className="detail__row">
        <Field label={t('partners.stage')}>
          {(props) => (
            <select
              {...props}
              value={partner.stage}
              onChange={(event) => void save({ stage: event.target.value as Partner['stage'] })}
            >
              {engagementStages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(stageKey[stage])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('partners.influence')}>
          {(props) => (
            <RatingSelect id={props.id} value={partner.influence} onChange={(influence) => void save({ influence })} />
          )}
        </Field>
        <Field label={t('partners.interest')}>
          {(props) => (
            <RatingSelect id={props.id} value={partner.interest} onChange={(interest) => void save({ interest })} />
          )}
        </Field>
      </div>
      <AutosaveText
        label={t('partners.tags')}
        hint={t('partners.tagsHint')}
        value={partner.tags.join(', ')}
        maxLength={1200}
        save={(text) => save({ tags: parseTags(text) })}
      />
      <fieldset className="private">
        <legend>{t('partners.contact')}</legend>
        <p className="field__hint">{t('partners.contactPrivate')}</p>
        <AutosaveText
          label={t('partners.email')}
          type="email"
          value={partner.email}
          save={(email) => save({ email })}
        />
        <AutosaveText label={t('partners.phone')} type="tel" value={partner.phone} save={(phone) => save({ phone })} />
      </fieldset>
      <AutosaveText
        label={t('partners.notes')}
        multiline
        maxLength={longTextLimit}
        value={partner.notes}
        save={(notes) => save({ notes })}
      />
      <PartnerLinks partner={partner} />
    </aside>
  );
}

function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;|]/)
    .map((tag) => tag.trim().slice(0, 40))
    .filter((tag) => tag !== '');
  return [...new Set(tags)].slice(0, 30);
}

function RatingSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | null;
  onChange(value: number | null): void;
}) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
    >
      <option value="">{t('partners.notRated')}</option>
      {ratings.map((rating) => (
        <option key={rating} value={rating}>
          {rating}
        </option>
      ))}
    </select>
  );
}

/** Shows the new state at once; the saved value takes over when main reports it back. */
function SavedCheckbox({ label, checked, save }: { label: string; checked: boolean; save(checked: boolean): void }) {
  const [shown, setShown] = useState(checked);
  const [reported, setReported] = useState(checked);
  if (reported !== checked) {
    setReported(checked);
    setShown(checked);
  }
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={shown}
        onChange={(event) => {
          setShown(event.target.checked);
          save(event.target.checked);
        }}
      />
      {label}
    </label>
  );
}

import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { useOneSubmission } from '../../components/useOneSubmission';
import { useShortcut } from '../../components/useShortcut';
import { describeError } from '../../i18n/index';
import { KindSelect, SectorSelect } from './SectorSelect';
import { usePartners } from './store';

/** Keyboard-first: N jumps here, Enter adds, and focus stays for the next name. */
export function QuickAdd() {
  const { t } = useTranslation();
  const create = usePartners((state) => state.create);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Partner['kind']>('organisation');
  const [sector, setSector] = useState('nonprofit');
  const [error, setError] = useState<string | null>(null);
  const [sectorError, setSectorError] = useState<string | null>(null);
  const submission = useOneSubmission();

  useShortcut(
    'n',
    useCallback(() => nameRef.current?.focus(), []),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('errors.required'));
      nameRef.current?.focus();
      return;
    }
    if (sector === '') return setSectorError(t('partners.customSectorMissing'));
    await submission.submit(async (id) => {
      const failure = await create({ name, kind, sector }, id);
      if (failure) {
        setError(describeError(failure));
        return false;
      }
      setName('');
      setError(null);
      nameRef.current?.focus();
      return true;
    });
  }

  return (
    <form className="quick-add card" onSubmit={submit} noValidate aria-label={t('partners.quickAdd')}>
      <div className="quick-add__fields">
        <Field label={t('partners.name')} error={error} hint={t('partners.quickAddHint')}>
          {(props) => (
            <input
              {...props}
              ref={nameRef}
              value={name}
              maxLength={200}
              placeholder={t('partners.namePlaceholder')}
              onChange={(event) => {
                setName(event.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <Field label={t('partners.kind')}>
          {(props) => <KindSelect id={props.id} value={kind} onChange={setKind} />}
        </Field>
        <Field label={t('partners.sector')}>
          {(props) => (
            <SectorSelect
              id={props.id}
              value={sector}
              error={sectorError}
              onChange={(next) => {
                setSector(next);
                setSectorError(null);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary quick-add__submit" disabled={submission.pending}>
          {t('partners.add')}
        </button>
      </div>
    </form>
  );
}

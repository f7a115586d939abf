import { minPassphraseChars } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';

/**
 * The team passphrase for sync, as typed in Settings → Sync, when joining a roundtable hub and when
 * joining from a hub: `new` where it is set for the first time (a password manager may offer one),
 * `current` where it must match the team's.
 */
export function TeamPassphraseField({
  label,
  hint,
  value,
  onChange,
  purpose,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(next: string): void;
  purpose: 'new' | 'current';
}) {
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <input
          {...props}
          type="password"
          autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
          value={value}
          minLength={purpose === 'new' ? minPassphraseChars : undefined}
          maxLength={200}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

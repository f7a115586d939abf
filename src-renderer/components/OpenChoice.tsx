import './open-choice.css';
import { useEffect, useId, useRef, useState } from 'react';
import { matchChoice, type Choice } from './choices';

/**
 * The select's value for "type your own". The contract trims every stored value, so one that
 * starts with a space can never be a real choice.
 */
const typeYourOwn = ' type-your-own';

interface OpenChoiceProps {
  id?: string;
  /** For a select with no visible label of its own. */
  label?: string;
  value: string;
  choices: readonly Choice[];
  /** The last entry of the list, e.g. "Custom sector…". */
  customChoiceLabel: string;
  /** The name of the text box that entry reveals. */
  customInputLabel: string;
  maxLength: number;
  error?: string | null;
  /**
   * A pick from the list, or the typed text on every keystroke (trimmed, '' while empty, a listed
   * value when the text names one), so a form always holds what the person sees.
   */
  onChange(value: string): void;
}

/**
 * A fixed list that also takes a value of one's own: picking the last entry reveals a text box.
 * Values typed before are on the list (the caller passes them in `choices`), so the second partner
 * in "youth sport" is one pick away. Escape in the text box goes back to the value before.
 */
export function OpenChoice({
  id,
  label,
  value,
  choices,
  customChoiceLabel,
  customInputLabel,
  maxLength,
  error,
  onChange,
}: OpenChoiceProps) {
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const before = useRef(value);
  const inputRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (typing) inputRef.current?.focus();
  }, [typing]);

  const listed = value === '' || choices.some((choice) => choice.value === value);
  const options = listed ? choices : [...choices, { value, label: value }];

  return (
    <div className="open-choice">
      <select
        ref={selectRef}
        id={id}
        aria-label={label}
        value={typing ? typeYourOwn : value}
        onChange={(event) => {
          const picked = event.target.value;
          if (picked !== typeYourOwn) {
            setTyping(false);
            return onChange(picked);
          }
          before.current = value;
          setDraft('');
          setTyping(true);
          onChange('');
        }}
      >
        {options.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
        <option value={typeYourOwn}>{customChoiceLabel}</option>
      </select>
      {typing ? (
        <input
          ref={inputRef}
          type="text"
          aria-label={customInputLabel}
          placeholder={customInputLabel}
          value={draft}
          maxLength={maxLength}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(matchChoice(event.target.value, choices));
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setTyping(false);
            onChange(before.current);
            selectRef.current?.focus();
          }}
        />
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

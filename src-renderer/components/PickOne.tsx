/**
 * A labelled choice of one partner, group or other named row, or none: the select every plan,
 * form and filter in meeting mode uses. `value` for a controlled choice, `defaultValue` for one
 * that saves as it changes and keeps what was picked while the save is on its way.
 */
export function PickOne({
  label,
  noneLabel,
  options,
  value,
  defaultValue,
  onChange,
}: {
  label: string;
  noneLabel: string;
  options: readonly { id: string; name: string }[];
  value?: string | null;
  defaultValue?: string | null;
  onChange(id: string | null): void;
}) {
  return (
    <label>
      {label}
      <select
        value={value === undefined ? undefined : (value ?? '')}
        defaultValue={defaultValue === undefined ? undefined : (defaultValue ?? '')}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{noneLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

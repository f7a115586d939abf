/** A plain-words error under a form or an item, announced to screen readers; nothing when null. */
export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

// The shared pieces of a form field: the input's look, the attributes that tie a control to its hint and
// its errors, and the error messages under it. Errors are message codes from the server, shown in the
// reader's language; the list's id is what the control's aria-describedby points at, and its test id
// (`<name>-error`) is what the journeys look for. Forms themselves are components/ui/form.tsx.
export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-brand-500 aria-invalid:border-red-500";

/** The id of a field's error list (`f-<name>-error` unless the control has its own id). */
export const errorIdOf = (name: string, id = `f-${name}`) => `${id}-error`;

/**
 * What a control needs to be read with its errors: its id (what the label's htmlFor names), aria-invalid
 * while it has errors (components/ui/form.tsx focuses the first such control after a submit) and
 * aria-describedby naming its hint and its errors.
 */
export function controlProps(name: string, codes?: string[], opts: { id?: string; hint?: boolean } = {}) {
  const id = opts.id ?? `f-${name}`;
  const invalid = Boolean(codes?.length);
  const describedBy = [opts.hint && `${id}-hint`, invalid && errorIdOf(name, id)].filter(Boolean).join(" ") || undefined;
  return { id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy };
}

type Props = {
  name: string;
  codes?: string[];
  messages: Record<string, string>;
  /** The text for a code the messages do not know; without it the code itself is shown. */
  fallback?: string;
  /** The control's id when it is not `f-<name>` (see controlProps). */
  controlId?: string;
};

export function FieldErrors({ name, codes, messages, fallback, controlId }: Props) {
  if (!codes?.length) return null;
  return (
    <ul className="space-y-0.5 text-xs text-red-600" data-testid={`${name}-error`} id={errorIdOf(name, controlId)}>
      {codes.map((c) => (
        <li key={c}>{messages[c] ?? fallback ?? c}</li>
      ))}
    </ul>
  );
}

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  messages: Record<string, string>;
  fallback?: string;
};

/** A labelled input with its hint and its own error messages right below it. */
export function Field({ name, label, errors, hint, messages, fallback, id, ...input }: FieldProps) {
  const control = controlProps(name, errors, { id, hint: Boolean(hint) });
  return (
    <div className="space-y-1">
      <label htmlFor={control.id} className="block text-sm font-medium text-zinc-700">
        {label}
      </label>
      <input name={name} className={inputClass} {...control} {...input} />
      {hint && (
        <p id={`${control.id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <FieldErrors name={name} codes={errors} messages={messages} fallback={fallback} controlId={control.id} />
    </div>
  );
}

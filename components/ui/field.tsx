// The shared pieces of a form field: the input's look and the error messages under it. Errors are message
// codes from the server, shown in the reader's language; the list's id is what the input's
// aria-describedby points at, and its test id (`<name>-error`) is what the journeys look for.
export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-brand-500 aria-invalid:border-red-500";

type Props = {
  name: string;
  codes?: string[];
  messages: Record<string, string>;
  /** The text for a code the messages do not know; without it the code itself is shown. */
  fallback?: string;
};

export function FieldErrors({ name, codes, messages, fallback }: Props) {
  if (!codes?.length) return null;
  return (
    <ul className="space-y-0.5 text-xs text-red-600" data-testid={`${name}-error`} id={`f-${name}-error`}>
      {codes.map((c) => (
        <li key={c}>{messages[c] ?? fallback ?? c}</li>
      ))}
    </ul>
  );
}

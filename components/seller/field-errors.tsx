// A field's error messages (codes from the API, shown in the reader's language).
export function FieldErrors({ name, codes, messages }: { name: string; codes?: string[]; messages: Record<string, string> }) {
  if (!codes?.length) return null;
  return (
    <ul className="space-y-0.5 text-xs text-red-600" data-testid={`${name}-error`} id={`f-${name}-error`}>
      {codes.map((c) => (
        <li key={c}>{messages[c] ?? c}</li>
      ))}
    </ul>
  );
}

export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-brand-500 aria-invalid:border-red-500";

// A timeline note or refund reason as the reader's language says it (lib/orders/event-note.ts). Toss's error
// codes stay as codes (a seller quotes them to support) in <code>; a buyer's own words are marked as user
// content, so the language check of the e2e walk leaves them alone.
import type { Messages } from "@/lib/i18n/messages";
import { parseEventNote } from "@/lib/orders/event-note";

export function methodLabel(method: string | null | undefined, t: Messages["codes"]): string {
  return method ? (t.methods[method] ?? t.unknownMethod) : t.unknownMethod;
}

export function EventNoteText({ note, t }: { note: string; t: Messages["codes"] }) {
  const parsed = parseEventNote(note);
  if ("text" in parsed) return <span data-user-content>{parsed.text}</span>;
  const { params } = parsed;
  const parts = t.notes[parsed.code].split(/\{(\w+)\}/);
  return (
    <span data-note={parsed.code}>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const value = params[part];
        if (value === undefined || value === "") return null;
        if (part === "code") return <code key={i}>{String(value)}</code>;
        if (part === "method") return methodLabel(String(value), t);
        if (part === "reason") return <span key={i} data-user-content>{String(value)}</span>;
        return String(value);
      })}
    </span>
  );
}

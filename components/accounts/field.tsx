// A labelled input with its own error messages right below it (field errors are message codes).
import { FieldErrors, inputClass } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";

type Props = React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  t: Messages["accounts"];
};

export function Field({ name, label, errors, hint, t, ...input }: Props) {
  const id = `f-${name}`;
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <FieldErrors name={name} codes={errors} messages={t.fieldErrors} fallback={t.fieldErrors.invalid} />
    </div>
  );
}

export function SubmitButton({ children, pending, variant = "primary" }: { children: React.ReactNode; pending?: boolean; variant?: "primary" | "danger" | "plain" }) {
  const styles = {
    primary: "bg-brand-500 text-white hover:bg-brand-600",
    danger: "bg-red-600 text-white hover:bg-red-700",
    plain: "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100",
  }[variant];
  return (
    <button type="submit" disabled={pending} className={`rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-60 ${styles}`}>
      {children}
    </button>
  );
}

export function FormAlert({ kind = "error", children }: { kind?: "error" | "ok"; children: React.ReactNode }) {
  const styles = kind === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-700";
  return (
    <p role={kind === "ok" ? "status" : "alert"} className={`rounded-lg border px-3 py-2 text-sm ${styles}`}>
      {children}
    </p>
  );
}

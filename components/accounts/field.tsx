// The account forms' field: the shared labelled input with the accounts' error texts (field errors are message codes).
import { Field as UiField } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";

type Props = Omit<React.ComponentProps<typeof UiField>, "messages" | "fallback"> & { t: Messages["accounts"] };

export function Field({ t, ...props }: Props) {
  return <UiField messages={t.fieldErrors} fallback={t.fieldErrors.invalid} {...props} />;
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

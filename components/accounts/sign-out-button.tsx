// Sign-out: revokes this server-side session and clears the cookie (a plain form, works without JS).
import { signOutAction } from "@/lib/accounts/actions";
import { Form } from "@/components/ui/form";

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  return (
    <Form action={signOutAction}>
      <button type="submit" className={className ?? "rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100"}>
        {label}
      </button>
    </Form>
  );
}

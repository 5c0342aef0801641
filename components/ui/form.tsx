"use client";
// Every form of the shop is this one (the linter refuses a bare <form> in app/ and components/). The
// browser's own validation is off: its bubbles speak the browser's language, not the reader's, and
// `required`/`pattern` would stop a submit before the shop could say what is wrong. The shop's field errors
// (message codes from the shared zod schemas, components/ui/field.tsx) show next to their fields instead,
// and when a submit comes back with errors the first invalid control takes the focus, so a keyboard or
// screen-reader user lands on what to fix.
import { useEffect, useRef } from "react";

type Props = Omit<React.ComponentProps<"form">, "ref" | "noValidate"> & {
  /** The form's latest failure (a new value after each failed submit), or nothing while there is none. */
  errors?: unknown;
};

export function Form({ errors, children, ...props }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!errors) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return (
    <form ref={ref} {...props} noValidate>
      {children}
    </form>
  );
}

// "Skip to content": the first thing a keyboard reaches, hidden until focused. Its target is focusable
// (tabIndex -1) so the next Tab continues from the content, not from the top.
export function SkipLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-ink focus:px-4 focus:py-2 focus:font-semibold focus:text-white"
      data-testid="skip-link"
    >
      {children}
    </a>
  );
}

// The seller center's and the admin area's frame: a titled sidebar of links beside the page.
import Link from "next/link";

export function DashboardShell({ title, href, nav, children }: { title: string; href: string; nav: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-7xl gap-6 px-4 py-6">
      <aside className="w-48 shrink-0 space-y-1">
        <Link href={href} className="mb-4 block px-3 text-lg font-bold">
          {title}
        </Link>
        <nav className="space-y-1" aria-label={title}>
          {nav}
        </nav>
      </aside>
      {children}
    </div>
  );
}

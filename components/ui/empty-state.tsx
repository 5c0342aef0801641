// What a list says when it has nothing to show: a dashed box on dashboard pages, a roomy line on full
// pages, a quiet line inside a card.
const looks = {
  boxed: "rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500",
  page: "py-16 text-center text-neutral-600",
  inline: "text-sm text-zinc-500",
};

export function EmptyState({ children, look = "boxed" }: { children: React.ReactNode; look?: keyof typeof looks }) {
  return <p className={looks[look]}>{children}</p>;
}

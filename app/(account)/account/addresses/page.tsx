// /account/addresses — the buyer's address book (배송지 관리): list, add, edit, delete, the default.
import type { Metadata } from "next";
import Link from "next/link";
import { AddressBook } from "@/components/addresses/address-book";
import { listAddresses } from "@/lib/addresses/queries";
import { MAX_ADDRESSES } from "@/lib/addresses/schemas";
import { requirePageUser } from "@/lib/auth/guards";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).address.bookTitle };
}

export default async function AddressesPage() {
  const user = await requirePageUser("/account/addresses");
  const [addresses, messages] = await Promise.all([listAddresses(user.id), getMessages()]);
  const t = messages.address;
  return (
    <main className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10">
      <Link href="/account" className="text-sm text-zinc-500 hover:underline">← {messages.accounts.account.title}</Link>
      <h1 className="text-2xl font-bold">{t.bookTitle}</h1>
      <p className="text-sm text-zinc-600">{fill(t.bookIntro, { max: MAX_ADDRESSES })}</p>
      <AddressBook addresses={addresses} t={t} />
    </main>
  );
}

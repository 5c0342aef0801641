import { DashboardShell } from "@/components/seller/dashboard-shell";
import { NavLink } from "@/components/seller/nav-link";
import { SellerPicker } from "@/components/seller/seller-picker";
import { getMessages } from "@/lib/i18n/server";
import { getPageScope, SELLER_PICK_COOKIE } from "@/lib/seller/page-scope";
import { listSellers } from "@/lib/seller/scope";

export default async function SellerLayout({ children }: { children: React.ReactNode }) {
  const scope = await getPageScope("/seller");
  const [messages, sellers] = await Promise.all([getMessages(), scope.isAdmin ? listSellers() : Promise.resolve([])]);
  const t = messages.seller;
  // Live views (the drop monitor) use the root layout's query client.
  return (
    <DashboardShell
      title={t.title}
      href="/seller"
      nav={
        <>
          <NavLink href="/seller/products">{t.nav.products}</NavLink>
          <NavLink href="/seller/orders">{t.nav.orders}</NavLink>
          <NavLink href="/seller/sales">{t.nav.sales}</NavLink>
          {scope.isAdmin && <NavLink href="/admin">{t.nav.admin}</NavLink>}
          <NavLink href="/">{t.nav.shop}</NavLink>
        </>
      }
    >
      <div className="min-w-0 flex-1 space-y-4">
        {scope.isAdmin && (
          <div className="flex justify-end">
            <SellerPicker sellers={sellers} current={scope.sellerId} label={t.picker.label} all={t.picker.all} cookie={SELLER_PICK_COOKIE} />
          </div>
        )}
        {children}
      </div>
    </DashboardShell>
  );
}

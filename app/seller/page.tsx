import { redirect } from "next/navigation";

export default function SellerHome() {
  redirect("/seller/products");
}

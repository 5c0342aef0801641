// What the catalog hands out: plain JSON-safe objects (dates as ISO strings), the same for the API and
// the pages. Imported by client components, so no server code here.
import type { OptionAxis, VariantView } from "@/lib/variants/types";
import type { ProductTypeValue, SaleState } from "./schemas";

export type CategoryView = { slug: string; nameKo: string; nameEn: string };

export type ProductView = {
  id: string;
  name: string;
  description: string;
  /** Integer won. */
  price: number;
  images: string[];
  type: ProductTypeValue;
  category: CategoryView;
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  perBuyerLimit: number | null;
  /** Only buyers with a verified mobile number may order it. */
  phoneRequired: boolean;
  /** A drop sold through its waiting room (lib/waiting-room): bought with a pass, not straight away. */
  waitingRoom: boolean;
  remaining: number;
  total: number;
  state: SaleState;
  createdAt: string;
  /** Option axes (사이즈, 색상…) and the variants on sale; both empty for a product without options (docs/variants.md). */
  options: OptionAxis[];
  variants: VariantView[];
};

export type ProductPage = { items: ProductView[]; page: number; pageSize: number; total: number; totalPages: number };

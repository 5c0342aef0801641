// POST /api/seller/uploads — a product image (multipart field "file"); sellers and admins only
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { readUploadForm, uploadProductImage } from "@/lib/seller/uploads";

export const POST = route(async (req) => {
  const scope = await sellerScope(req);
  const form = await readUploadForm(req);
  const upload = await uploadProductImage(scope.sellerId, form.get("file"));
  return Response.json({ upload }, { status: 201 });
});

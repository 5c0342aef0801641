// Valid bodies for a few routes and actions, as seeds the generator mutates (a field dropped, a value
// swapped for a hostile one, a key added). Optional: an endpoint without one is still fuzzed from the
// schema field names; these only help generated input get past validation to the code behind it.
// Placeholders: $product, $openProduct, $order, $cartItem, $user, $category, $future (an ISO time in an hour).
export const EXAMPLES: Record<string, Record<string, unknown>[]> = {
  "POST /api/orders": [{ items: [{ productId: "$openProduct", quantity: 1 }] }],
  "POST /api/cart/items": [{ productId: "$openProduct", quantity: 1 }],
  "PATCH /api/cart/items/[id]": [{ quantity: 2 }, { selected: false }],
  "POST /api/wishlist/items": [{ productId: "$product" }],
  "PATCH /api/me": [{ name: "김퍼즈", phone: "010-3000-0001", address: "서울특별시 중구 세종대로 110" }],
  "POST /api/me/password": [{ currentPassword: "Wrong!pass123", newPassword: "New!pass12345" }],
  "POST /api/me/phone/code": [{ phone: "010-3000-0002" }],
  "POST /api/me/phone/verify": [{ phone: "010-3000-0002", code: "123456" }],
  "POST /api/users": [{ role: "BUYER", email: "fuzz@example.com", password: "Fuzz!pass123", name: "퍼즈", phone: "010-3000-0003" }],
  "POST /api/users/verify": [{ token: "not-a-token" }],
  "POST /api/me/addresses": [{ recipient: "김퍼즈", phone: "010-3000-0004", postcode: "04524", address: "서울특별시 중구 세종대로 110", detail: "1층", memo: "문 앞에 놓아주세요" }],
  "PUT /api/orders/[id]/delivery": [{ delivery: { recipient: "김퍼즈", phone: "010-3000-0004", postcode: "04524", address: "서울특별시 중구 세종대로 110" } }],
  "POST /api/payments/confirm": [{ paymentKey: "tgen_fuzz", orderId: "$order", amount: 10000 }],
  "POST /api/seller/products": [
    { name: "퍼즈 머그컵", description: "퍼즈가 만든 상품", price: 12000, categoryId: "$category", type: "NORMAL", units: 10 },
    { name: "퍼즈 한정판", description: "한정 수량", price: 50000, categoryId: "$category", type: "LIMITED", units: 5, saleStartsAt: "$future", perBuyerLimit: 1 },
  ],
  "PATCH /api/seller/products/[id]": [{ name: "새 이름", price: 15000 }, { saleStartsAt: "$future", saleEndsAt: null }],
  "POST /api/seller/products/[id]/stock": [{ add: 5 }],
  "POST /api/seller/products/[id]/orders/exclude": [{ orderIds: ["$order"], reason: "fuzz" }],
  "PATCH /api/admin/users/[id]": [{ role: "SELLER" }],
  "POST /api/orders/[id]/cancel": [{ reason: "fuzz" }],
  "POST /api/orders/[id]/return": [{ reason: "fuzz" }],
  "POST /api/test-hooks/orders/[id]/advance": [{ step: "ship" }],
  "POST /api/test-hooks/products/[id]/opening": [{ inSeconds: 60 }],
  "POST /api/test-hooks/waiting-room/[id]/crowd": [{ where: "behind", n: 3 }],
  "action addToCartAction": [{ productId: "$openProduct", quantity: 1 }],
  "action setWishlistedAction": [{ productId: "$product" }],
  "action moveToCartAction": [{ productId: "$product" }],
  "action selectAllAction": [{ selected: true }],
};

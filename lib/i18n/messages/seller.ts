// Seller center and admin: products, drops, orders, sales, the live drop monitor, users, jobs, stock reports.
export const ko = {
  title: "판매자 센터",
  adminTitle: "관리자",
  nav: { products: "상품", newProduct: "상품 등록", orders: "주문", sales: "매출", admin: "관리자", users: "회원", deadLetters: "실패한 작업", reconciliation: "재고 점검", shop: "쇼핑몰로" },
  picker: { label: "판매자", all: "전체 판매자", apply: "보기" },
  types: { NORMAL: "일반", LIMITED: "한정판" },
  statuses: { DRAFT: "임시 저장", ACTIVE: "판매 중", ARCHIVED: "보관됨" },
  orderStatuses: {
    PENDING_PAYMENT: "결제 대기", CONFIRMING: "결제 확인 중", PAID: "결제 완료", SHIPPING: "배송 중", DELIVERED: "배송 완료",
    RETURN_REQUESTED: "반품 요청", RETURNED: "반품 완료", EXPIRED: "기한 만료", PAYMENT_FAILED: "결제 실패", CANCELLED: "취소됨",
  },
  products: {
    title: "상품", empty: "아직 등록한 상품이 없어요.", create: "상품 등록", edit: "수정", archive: "보관", restore: "다시 판매",
    name: "상품명", price: "가격", stock: "재고", available: "남은 수량", total: "전체", status: "상태", type: "유형", opens: "오픈",
    monitor: "실시간 모니터", seller: "판매자", archived: "보관했어요.", saved: "저장했어요.", created: "상품을 등록했어요.",
  },
  form: {
    name: "상품명", description: "설명", price: "가격 (원)", category: "카테고리", chooseCategory: "카테고리 선택", type: "판매 유형",
    units: "재고 수량", saleStartsAt: "오픈 시각", saleEndsAt: "종료 시각 (선택)", perBuyerLimit: "1인당 구매 한도", status: "공개 상태",
    images: "상품 이미지", upload: "이미지 올리기", uploading: "올리는 중…", removeImage: "이미지 삭제", imageHint: "JPEG, PNG, WebP · 5MB 이하",
    save: "저장", create: "등록하기", saving: "저장 중…", limitedHint: "한정판은 오픈 시각, 수량, 1인당 한도가 필요해요.",
    unitsHint: "이미 결제 대기 중이거나 판매된 수량보다 적게 줄일 수 없어요.", noCategories: "카테고리가 없어요. 관리자에게 문의하세요.",
  },
  restock: { title: "재입고", add: "추가 수량", submit: "재입고", done: "재고를 추가했어요." },
  fieldErrors: {
    required: "필수 항목이에요.", too_long: "너무 길어요.", whole_number: "정수를 입력해 주세요.", too_large: "값이 너무 커요.",
    price_min: "가격은 100원 이상이어야 해요.", units_min: "수량을 확인해 주세요 (한정판은 1개 이상).", limit_min: "1인당 한도는 1 이상이어야 해요.",
    invalid_date: "날짜와 시각을 확인해 주세요.", opens_in_past: "오픈 시각은 지금보다 나중이어야 해요.", ends_in_past: "종료 시각은 지금보다 나중이어야 해요.",
    ends_before_start: "종료 시각은 오픈 시각보다 나중이어야 해요.", units_below_committed: "결제 대기·판매된 수량보다 적게 설정할 수 없어요.",
    unknown_category: "없는 카테고리예요.", invalid_image: "이미지를 다시 올려 주세요.", too_many_images: "이미지는 8장까지 올릴 수 있어요.",
    restock_min: "1개 이상 추가해 주세요.", unsupported_image: "JPEG, PNG, WebP 이미지만 올릴 수 있어요.", file_too_large: "5MB 이하의 이미지만 올릴 수 있어요.",
    invalid: "입력값을 확인해 주세요.", unknown_field: "알 수 없는 항목이에요.",
  },
  errors: { generic: "문제가 생겼어요. 잠시 후 다시 시도해 주세요.", notFound: "찾을 수 없어요.", forbidden: "권한이 없어요." },
  orders: {
    title: "주문", empty: "조건에 맞는 주문이 없어요.", status: "상태", all: "전체", from: "시작일", to: "종료일", filter: "조회",
    id: "주문 번호", date: "주문 일시", items: "상품", subtotal: "금액", detail: "주문 상세", timeline: "주문 이력", payment: "결제",
    refund: "환불", noRefund: "환불 없음", quantity: "수량", unitPrice: "단가", back: "주문 목록", prev: "이전", next: "다음", count: "건",
  },
  sales: {
    title: "매출", days: "기간", revenue: "매출", units: "판매 수량", top: "많이 팔린 상품", refunds: "환불", refundOrders: "환불 주문",
    payouts: "정산 지급", noPayouts: "아직 정산된 내역이 없어요.", period: "정산일", amount: "금액", entries: "건수", chart: "일별 매출과 판매 수량", none: "판매 내역이 없어요.",
  },
  monitor: {
    title: "실시간 드롭 모니터", remaining: "남은 수량", admissions: "초당 예약", paidPerSecond: "초당 결제", holds: "결제 대기 중", sold: "판매",
    conversion: "결제 전환율", soldOutAfter: "매진까지", eta: "매진 예상", notSoldOut: "아직 매진 전", state: "상태", updated: "업데이트",
    states: { upcoming: "오픈 전", on_sale: "판매 중", sold_out: "매진", ended: "종료", off_sale: "판매 중지" }, live: "실시간", paused: "연결 끊김",
    seconds: "초", chart: "최근 60초",
  },
  admin: {
    users: "회원 관리", email: "이메일", role: "역할", joined: "가입일", change: "변경", shopName: "상점 이름 (판매자 전환 시)", changed: "역할을 바꿨어요.",
    deadLetters: "실패한 작업", queue: "큐", job: "작업", failedAt: "시각", retry: "다시 실행", discard: "버리기", noDeadLetters: "실패한 작업이 없어요.",
    reconciliation: "재고 점검 보고서", product: "상품", redis: "Redis", postgres: "PostgreSQL", repaired: "복구", yes: "예", no: "아니오", noReports: "불일치가 발견된 적 없어요.",
    self: "자신의 관리자 권한은 없앨 수 없어요.",
  },
};

export const en: typeof ko = {
  title: "Seller center",
  adminTitle: "Admin",
  nav: { products: "Products", newProduct: "New product", orders: "Orders", sales: "Sales", admin: "Admin", users: "Users", deadLetters: "Failed jobs", reconciliation: "Stock checks", shop: "To the shop" },
  picker: { label: "Seller", all: "All sellers", apply: "Show" },
  types: { NORMAL: "Normal", LIMITED: "Limited" },
  statuses: { DRAFT: "Draft", ACTIVE: "On sale", ARCHIVED: "Archived" },
  orderStatuses: {
    PENDING_PAYMENT: "Awaiting payment", CONFIRMING: "Confirming", PAID: "Paid", SHIPPING: "Shipping", DELIVERED: "Delivered",
    RETURN_REQUESTED: "Return requested", RETURNED: "Returned", EXPIRED: "Expired", PAYMENT_FAILED: "Payment failed", CANCELLED: "Cancelled",
  },
  products: {
    title: "Products", empty: "No products yet.", create: "New product", edit: "Edit", archive: "Archive", restore: "Put back on sale",
    name: "Name", price: "Price", stock: "Stock", available: "Available", total: "Total", status: "Status", type: "Type", opens: "Opens",
    monitor: "Live monitor", seller: "Seller", archived: "Archived.", saved: "Saved.", created: "Product created.",
  },
  form: {
    name: "Name", description: "Description", price: "Price (KRW)", category: "Category", chooseCategory: "Choose a category", type: "Sale type",
    units: "Units", saleStartsAt: "Opens at", saleEndsAt: "Ends at (optional)", perBuyerLimit: "Per-buyer limit", status: "Visibility",
    images: "Images", upload: "Upload image", uploading: "Uploading…", removeImage: "Remove image", imageHint: "JPEG, PNG, WebP · up to 5 MB",
    save: "Save", create: "Create", saving: "Saving…", limitedHint: "A limited drop needs an opening time, units and a per-buyer limit.",
    unitsHint: "Cannot go below the units held or sold.", noCategories: "No categories yet. Ask an admin.",
  },
  restock: { title: "Restock", add: "Units to add", submit: "Restock", done: "Units added." },
  fieldErrors: {
    required: "Required.", too_long: "Too long.", whole_number: "Enter a whole number.", too_large: "Too large.",
    price_min: "The price must be at least ₩100.", units_min: "Check the units (a limited drop needs at least 1).", limit_min: "The per-buyer limit must be at least 1.",
    invalid_date: "Check the date and time.", opens_in_past: "The opening must be in the future.", ends_in_past: "The end must be in the future.",
    ends_before_start: "The end must be after the opening.", units_below_committed: "Cannot go below the units held or sold.",
    unknown_category: "Unknown category.", invalid_image: "Upload the image again.", too_many_images: "Up to 8 images.",
    restock_min: "Add at least 1 unit.", unsupported_image: "Only JPEG, PNG and WebP images.", file_too_large: "Images up to 5 MB only.",
    invalid: "Check this value.", unknown_field: "Unknown field.",
  },
  errors: { generic: "Something went wrong. Please try again.", notFound: "Not found.", forbidden: "Not allowed." },
  orders: {
    title: "Orders", empty: "No orders match.", status: "Status", all: "All", from: "From", to: "To", filter: "Filter",
    id: "Order", date: "Ordered at", items: "Items", subtotal: "Amount", detail: "Order details", timeline: "Timeline", payment: "Payment",
    refund: "Refund", noRefund: "No refund", quantity: "Qty", unitPrice: "Unit price", back: "All orders", prev: "Previous", next: "Next", count: "orders",
  },
  sales: {
    title: "Sales", days: "Period", revenue: "Revenue", units: "Units sold", top: "Top products", refunds: "Refunds", refundOrders: "Refunded orders",
    payouts: "Payouts", noPayouts: "No payouts yet.", period: "Settled day", amount: "Amount", entries: "Entries", chart: "Revenue and units by day", none: "No sales yet.",
  },
  monitor: {
    title: "Live drop monitor", remaining: "Remaining", admissions: "Reservations/s", paidPerSecond: "Payments/s", holds: "Live holds", sold: "Sold",
    conversion: "Paid conversion", soldOutAfter: "Sold out after", eta: "Sell-out in", notSoldOut: "Not sold out yet", state: "State", updated: "Updated",
    states: { upcoming: "Upcoming", on_sale: "On sale", sold_out: "Sold out", ended: "Ended", off_sale: "Off sale" }, live: "Live", paused: "Disconnected",
    seconds: "s", chart: "Last 60 seconds",
  },
  admin: {
    users: "Users", email: "Email", role: "Role", joined: "Joined", change: "Change", shopName: "Shop name (when becoming a seller)", changed: "Role changed.",
    deadLetters: "Failed jobs", queue: "Queue", job: "Job", failedAt: "When", retry: "Retry", discard: "Discard", noDeadLetters: "No failed jobs.",
    reconciliation: "Stock reconciliation reports", product: "Product", redis: "Redis", postgres: "PostgreSQL", repaired: "Repaired", yes: "Yes", no: "No", noReports: "No drift found so far.",
    self: "You cannot remove your own admin role.",
  },
};

// Fulfilment by the seller: shipping with tracking (single and CSV bulk), the CSV export, return decisions,
// the shop's fallback timers, and what the buyer sees of them. `{x}` placeholders are filled by fill().
export const ko = {
  ship: {
    title: "발송 처리", courier: "택배사", chooseCourier: "택배사 선택", trackingNumber: "송장번호", submit: "발송 처리",
    update: "송장 수정", shipped: "발송 처리했어요.", updated: "송장번호를 고쳤어요.", unchanged: "이미 같은 송장으로 발송했어요.",
    shipment: "배송 정보", shippedAt: "발송일시", noShipment: "송장 정보가 없어요 (자동 발송).",
  },
  bulk: {
    title: "CSV로 한꺼번에 발송", hint: "열: 주문번호, 택배사, 송장번호 (첫 줄은 제목). 같은 파일을 다시 올려도 이미 발송한 주문은 그대로예요. 최대 {rows}줄.",
    file: "CSV 파일", submit: "올리기", template: "양식 내려받기 (발송 대기 주문)", line: "줄", order: "주문번호", result: "결과",
    summary: "발송 {shipped} · 수정 {updated} · 변경 없음 {unchanged} · 건너뜀 {skipped} · 오류 {error}",
    results: { shipped: "발송", updated: "송장 수정", unchanged: "변경 없음", skipped: "건너뜀 (송장 없음)", error: "오류" },
  },
  export: { title: "CSV 내보내기", hint: "위 필터(상태, 기간)에 맞는 주문을 엑셀용 CSV로 받아요." },
  csv: {
    orderId: "주문번호", orderedAt: "주문일시", status: "상태", items: "상품", quantity: "수량", amount: "금액(원)",
    courier: "택배사", trackingNumber: "송장번호", shippedAt: "발송일시",
  },
  returns: {
    title: "반품 처리", requested: "구매자가 반품을 요청했어요. 상품을 검수한 뒤 승인하거나 거절해 주세요.", buyerReason: "요청 사유",
    approve: "반품 승인 (환불)", approveConfirm: "반품을 승인하고 결제 금액을 환불할까요?", approved: "반품을 승인했어요. 환불이 진행돼요.",
    refuse: "반품 거절", reason: "거절 사유", refused: "반품을 거절했어요.", already: "이미 처리된 요청이에요.",
  },
  timers: {
    title: "자동 처리 (대체 타이머)", hint: "판매자가 처리하지 않으면 이 시간이 지난 뒤 자동으로 진행돼요. 비워 두면 기본값, 0이면 끄기 (초 단위, 60초~30일).",
    autoShipSeconds: "자동 발송 (결제 후)", autoDeliverSeconds: "자동 배송 완료 (발송 후)", autoCompleteReturnSeconds: "자동 반품 완료·환불 (요청 후)",
    defaultIs: "기본값 {seconds}초", save: "저장", saved: "저장했어요.",
  },
  buyer: {
    shipment: "배송 조회", courier: "택배사", trackingNumber: "송장번호", track: "배송 조회하기", returnReason: "반품 사유 (선택)", refusedTitle: "반품이 거절되었어요", refusedReason: "판매자 사유",
  },
  fieldErrors: {
    required: "필수 항목이에요.", unknown_courier: "지원하지 않는 택배사예요.", invalid_tracking: "송장번호를 확인해 주세요 (택배사별 자릿수의 숫자).",
    csv_empty: "내용이 없는 파일이에요.", csv_invalid: "CSV 파일을 읽을 수 없어요.", csv_header: "첫 줄에 주문번호, 택배사, 송장번호 열이 있어야 해요.",
    csv_too_many_rows: "한 번에 {rows}줄까지 올릴 수 있어요.", csv_too_large: "파일이 너무 커요.", timer_range: "0(끄기) 또는 60초~30일이어야 해요.",
    whole_number: "정수를 입력해 주세요.", too_long: "너무 길어요.", invalid_characters: "쓸 수 없는 문자가 들어 있어요.", invalid: "입력값을 확인해 주세요.",
    order_not_found: "주문을 찾을 수 없어요.", other_sellers: "다른 판매자 상품이 함께 있는 주문이에요 (관리자 처리).", duplicate_order: "파일 안에 같은 주문이 다른 송장으로 또 있어요.",
    invalid_status: "발송할 수 없는 상태예요.", generic: "처리하지 못했어요. 다시 시도해 주세요.",
  },
};

export const en: typeof ko = {
  ship: {
    title: "Ship", courier: "Courier", chooseCourier: "Choose a courier", trackingNumber: "Tracking number", submit: "Mark as shipped",
    update: "Correct tracking", shipped: "Marked as shipped.", updated: "Tracking number corrected.", unchanged: "Already shipped with this tracking number.",
    shipment: "Shipment", shippedAt: "Shipped at", noShipment: "No tracking (shipped by the timer).",
  },
  bulk: {
    title: "Ship in bulk from a CSV file", hint: "Columns: order id, courier, tracking number (first line is the header). Uploading the same file again leaves shipped orders as they are. Up to {rows} rows.",
    file: "CSV file", submit: "Upload", template: "Download the template (orders to ship)", line: "Line", order: "Order", result: "Result",
    summary: "Shipped {shipped} · corrected {updated} · unchanged {unchanged} · skipped {skipped} · errors {error}",
    results: { shipped: "Shipped", updated: "Corrected", unchanged: "Unchanged", skipped: "Skipped (no tracking)", error: "Error" },
  },
  export: { title: "Export CSV", hint: "The orders matching the filters above (status, period) as a CSV file for Excel." },
  csv: {
    orderId: "Order id", orderedAt: "Ordered at", status: "Status", items: "Items", quantity: "Quantity", amount: "Amount (KRW)",
    courier: "Courier", trackingNumber: "Tracking number", shippedAt: "Shipped at",
  },
  returns: {
    title: "Return", requested: "The buyer asked to return this order. Inspect the goods, then approve or refuse.", buyerReason: "Buyer's reason",
    approve: "Approve return (refund)", approveConfirm: "Approve the return and refund the payment?", approved: "Return approved. The refund is on its way.",
    refuse: "Refuse return", reason: "Reason for refusing", refused: "Return refused.", already: "This request has already been decided.",
  },
  timers: {
    title: "Automatic steps (fallback timers)", hint: "When you do not act, the order moves on after this long. Empty = the default, 0 = off (seconds, 60 s to 30 days).",
    autoShipSeconds: "Auto-ship (after payment)", autoDeliverSeconds: "Auto-deliver (after shipping)", autoCompleteReturnSeconds: "Auto-complete return and refund (after the request)",
    defaultIs: "default {seconds} s", save: "Save", saved: "Saved.",
  },
  buyer: {
    shipment: "Tracking", courier: "Courier", trackingNumber: "Tracking number", track: "Track the parcel", returnReason: "Reason for the return (optional)", refusedTitle: "Your return was refused", refusedReason: "Seller's reason",
  },
  fieldErrors: {
    required: "Required.", unknown_courier: "Unsupported courier.", invalid_tracking: "Check the tracking number (digits, as many as the courier uses).",
    csv_empty: "The file is empty.", csv_invalid: "The file cannot be read as CSV.", csv_header: "The first line needs the columns order id, courier and tracking number.",
    csv_too_many_rows: "Up to {rows} rows at a time.", csv_too_large: "The file is too large.", timer_range: "0 (off) or 60 s to 30 days.",
    whole_number: "Enter a whole number.", too_long: "Too long.", invalid_characters: "Contains characters that cannot be used.", invalid: "Check this value.",
    order_not_found: "Order not found.", other_sellers: "This order also holds another shop's items (an admin ships it).", duplicate_order: "The file has this order again with another tracking number.",
    invalid_status: "This order cannot be shipped in its status.", generic: "That did not work. Please try again.",
  },
};

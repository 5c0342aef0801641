// How stored codes read: order timeline notes (lib/orders/event-note.ts), Toss payment statuses and methods,
// refund statuses, a drop's sale state in the seller center, and the sales page's periods.
export const ko = {
  notes: {
    hold_placed: "{units}개 결제 대기", payment_confirming: "결제 확인 중", payment_found_approved: "승인된 결제를 확인했어요",
    paid: "결제 완료 ({method})", payment_declined: "결제가 거절됐어요 ({code}). 결제 기한 안에 다시 결제할 수 있어요.", payment_failed: "결제 실패 ({code})",
    step_ship: "자동 발송 ({seconds}초 후)", step_deliver: "자동 배송 완료 ({seconds}초 후)", step_completeReturn: "자동 반품 완료 ({seconds}초 후)",
    cancelled_by_buyer: "구매자가 취소했어요", return_requested: "구매자가 반품을 요청했어요", return_completed: "반품 완료", shipped_by_seller: "판매자가 발송했어요",
    cancelled_outside: "쇼핑몰 밖에서 결제가 취소됐어요 {reason}", compensation: "보상 환불 ({code})",
  },
  paymentStatuses: {
    READY: "결제 준비", IN_PROGRESS: "결제 진행 중", WAITING_FOR_DEPOSIT: "입금 대기", DONE: "결제 완료", CANCELED: "결제 취소",
    PARTIAL_CANCELED: "부분 취소", ABORTED: "결제 중단", EXPIRED: "결제 만료",
  } as Record<string, string>,
  refundStatuses: { REQUESTED: "환불 요청", DONE: "환불 완료", FAILED: "환불 실패" },
  refundKinds: { CANCEL: "취소 환불", COMPENSATION: "보상 환불", EXTERNAL: "외부 취소" },
  methods: { 카드: "카드", 가상계좌: "가상계좌", 간편결제: "간편결제", 휴대폰: "휴대폰", 계좌이체: "계좌이체", 문화상품권: "문화상품권", 도서문화상품권: "도서문화상품권", 게임문화상품권: "게임문화상품권" } as Record<string, string>,
  unknownMethod: "결제 수단",
  saleStates: { upcoming: "오픈 전", open: "판매 중", sold_out: "매진", ended: "판매 종료" },
  periodDays: "{n}일",
  periodLabel: "최근 {n}일",
};

export const en: typeof ko = {
  notes: {
    hold_placed: "{units} unit(s) held for payment", payment_confirming: "Confirming the payment", payment_found_approved: "Found the payment approved",
    paid: "Paid ({method})", payment_declined: "Payment declined ({code}); payable again until the hold ends.", payment_failed: "Payment failed ({code})",
    step_ship: "Shipped automatically (after {seconds} s)", step_deliver: "Delivered automatically (after {seconds} s)", step_completeReturn: "Return completed automatically (after {seconds} s)",
    cancelled_by_buyer: "Cancelled by the buyer", return_requested: "Return requested by the buyer", return_completed: "Return completed", shipped_by_seller: "Shipped by the seller",
    cancelled_outside: "Payment cancelled outside the shop {reason}", compensation: "Compensation refund ({code})",
  },
  paymentStatuses: {
    READY: "Ready", IN_PROGRESS: "In progress", WAITING_FOR_DEPOSIT: "Awaiting deposit", DONE: "Paid", CANCELED: "Cancelled",
    PARTIAL_CANCELED: "Partly cancelled", ABORTED: "Aborted", EXPIRED: "Expired",
  },
  refundStatuses: { REQUESTED: "Requested", DONE: "Refunded", FAILED: "Failed" },
  refundKinds: { CANCEL: "Cancel refund", COMPENSATION: "Compensation", EXTERNAL: "Cancelled outside" },
  methods: { 카드: "Card", 가상계좌: "Virtual account", 간편결제: "Easy pay", 휴대폰: "Mobile phone", 계좌이체: "Bank transfer", 문화상품권: "Culture gift card", 도서문화상품권: "Book gift card", 게임문화상품권: "Game gift card" },
  unknownMethod: "Payment method",
  saleStates: { upcoming: "Upcoming", open: "On sale", sold_out: "Sold out", ended: "Ended" },
  periodDays: "{n} days",
  periodLabel: "Last {n} days",
};

// Accounts: the agreements at sign-up (terms, privacy, age, marketing), the documents they open, and the
// marketing consent on the account page. Part of the accounts messages (accounts.ts spreads it in).
export const ko = {
  consent: {
    legend: "약관 동의",
    all: "전체 동의 (선택 항목 포함)",
    terms: "[필수] 이용약관에 동의해요",
    privacy: "[필수] 개인정보 수집·이용에 동의해요",
    age14: "[필수] 만 14세 이상이에요",
    marketing: "[선택] 이벤트·할인 소식(마케팅 정보) 받기",
    view: "보기",
    sectionTitle: "마케팅 정보 수신",
    marketingOn: "이벤트·할인 소식을 받고 있어요.",
    marketingOff: "이벤트·할인 소식을 받지 않아요.",
    grant: "수신 동의하기",
    withdraw: "수신 거부하기",
    changedAt: "변경 시각",
    requiredAt: "약관·개인정보 동의 시각",
  },
  legal: {
    termsTitle: "이용약관",
    privacyTitle: "개인정보 수집·이용 안내",
    placeholder: "자리 표시용 문서예요: 실제 약관이 아니며, 운영 전에 법률 검토를 거친 문서로 바꿔야 해요.",
    version: "버전",
    termsBody: ["Hurry Up은 한정 수량 상품을 선착순으로 판매하는 서비스예요.", "회원은 한 계정으로 상품별 구매 한도 안에서 구매할 수 있어요.", "결제는 토스페이먼츠를 통해 이루어지며, 주문 취소와 반품은 상점의 정책을 따라요."],
    privacyBody: ["수집 항목: 이메일, 이름, 휴대폰 번호, 주소(선택).", "이용 목적: 회원 관리, 주문·배송, 고객 문의 응대.", "보관 기간: 회원 탈퇴 시까지(거래 기록은 관계 법령에 따라 익명으로 보관)."],
  },
};

export const en: typeof ko = {
  consent: {
    legend: "Agreements",
    all: "Agree to all (including optional)",
    terms: "[Required] I agree to the terms of service",
    privacy: "[Required] I agree to the collection and use of my personal data",
    age14: "[Required] I am 14 or older",
    marketing: "[Optional] Send me events and discounts (marketing)",
    view: "View",
    sectionTitle: "Marketing messages",
    marketingOn: "You receive events and discounts.",
    marketingOff: "You do not receive events and discounts.",
    grant: "Subscribe",
    withdraw: "Unsubscribe",
    changedAt: "Changed",
    requiredAt: "Terms and privacy agreed",
  },
  legal: {
    termsTitle: "Terms of service",
    privacyTitle: "Personal data collection and use",
    placeholder: "Placeholder document: not real terms. Replace it with legally reviewed text before going live.",
    version: "Version",
    termsBody: ["Hurry Up sells limited products first come, first served.", "A member buys with one account, within each product's limit.", "Payments go through Toss Payments; cancellations and returns follow the shop's policy."],
    privacyBody: ["Collected: email, name, mobile number, address (optional).", "Purpose: membership, orders and delivery, customer support.", "Kept: until the account is deleted (order records are kept anonymized as the law requires)."],
  },
};

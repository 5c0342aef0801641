// Messages of the site's frame: the legal footer (what a Korean online shop must show on every page) and
// the descriptions search engines and link previews read.
export const ko = {
  legalHeading: "사업자 정보",
  businessName: "상호",
  representative: "대표자",
  businessNumber: "사업자등록번호",
  mailOrderNumber: "통신판매업 신고번호",
  address: "주소",
  phone: "고객센터",
  email: "이메일",
  privacyOfficer: "개인정보 보호책임자",
  verifyBusiness: "사업자정보 확인",
  siteTitle: "Hurry Up — 선착순 한정판",
  siteDescription: "선착순 한정판 드롭과 특가 상품을 만나는 곳, Hurry Up.",
  productDescription: "{name} · {price}",
};

export const en: typeof ko = {
  legalHeading: "Business information",
  businessName: "Company",
  representative: "Representative",
  businessNumber: "Business registration no.",
  mailOrderNumber: "Mail-order business report no.",
  address: "Address",
  phone: "Customer service",
  email: "Email",
  privacyOfficer: "Privacy officer",
  verifyBusiness: "Verify business information",
  siteTitle: "Hurry Up — limited drops",
  siteDescription: "Limited drops and deals, first come, first served — Hurry Up.",
  productDescription: "{name} · {price}",
};

// Messages shared by every page. Each domain keeps its own file beside this one ({ ko, en } with the
// same keys: the type of `en` is checked against `ko`).
export const ko = {
  shopName: "Hurry Up",
  languageSwitch: "언어",
  skipToContent: "본문으로 건너뛰기",
  skipNav: "메뉴 건너뛰고 본문으로",
  notFoundTitle: "페이지를 찾을 수 없어요",
  notFoundBody: "주소가 바뀌었거나 사라진 페이지예요.",
  errorTitle: "문제가 생겼어요",
  errorBody: "잠시 후 다시 시도해 주세요.",
  retry: "다시 시도",
  backHome: "홈으로",
  apiDocsTitle: "API 문서",
  apiDocsIntro: "이 상점의 HTTP API입니다. 문서 원본(OpenAPI 3.1):",
  apiDocsLoading: "API 문서를 불러오는 중…",
};
export const en: typeof ko = {
  shopName: "Hurry Up",
  languageSwitch: "Language",
  skipToContent: "Skip to content",
  skipNav: "Skip the menu to the content",
  notFoundTitle: "Page not found",
  notFoundBody: "The address changed or the page is gone.",
  errorTitle: "Something went wrong",
  errorBody: "Please try again in a moment.",
  retry: "Try again",
  backHome: "Back to home",
  apiDocsTitle: "API reference",
  apiDocsIntro: "The shop's HTTP API. The document itself (OpenAPI 3.1):",
  apiDocsLoading: "Loading the API reference…",
};

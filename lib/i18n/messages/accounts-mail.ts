// Accounts: the mails an account is sent (verification, password reset, "already signed up") and the dev
// mailbox that shows them outside production. Part of the accounts messages (accounts.ts spreads it in).
export const ko = {
  mail: {
    verifySubject: "[Hurry Up] 이메일 주소를 인증해 주세요",
    verifyIntro: "Hurry Up 가입을 환영해요! 아래 링크를 눌러 이메일 주소를 인증해 주세요.",
    verifyButton: "이메일 인증하기",
    verifyExpiry: "링크는 24시간 동안 한 번만 쓸 수 있어요.",
    verifyIgnore: "가입한 적이 없다면 이 메일을 무시해 주세요.",
    resetSubject: "[Hurry Up] 비밀번호 재설정 안내",
    resetIntro: "비밀번호 재설정을 요청하셨어요. 아래 링크를 눌러 새 비밀번호를 정해 주세요.",
    resetButton: "새 비밀번호 정하기",
    resetExpiry: "링크는 30분 동안 한 번만 쓸 수 있어요. 비밀번호를 바꾸면 모든 기기에서 로그아웃돼요.",
    resetIgnore: "요청한 적이 없다면 이 메일을 무시해 주세요. 비밀번호는 바뀌지 않아요.",
    existsSubject: "[Hurry Up] 이미 가입된 주소예요",
    existsIntro: "이 주소로 회원가입을 시도하셨지만, 이미 이 주소로 가입된 계정이 있어요.",
    existsSignIn: "로그인하기",
    existsReset: "비밀번호를 잊으셨다면 재설정하기",
    existsIgnore: "가입을 시도한 적이 없다면 이 메일을 무시해 주세요. 계정에는 아무 변화가 없어요.",
  },
  mailbox: { title: "개발용 메일함", note: "SMTP가 설정되지 않아 보낸 메일이 여기에 저장돼요 (운영 환경에서는 보이지 않아요).", empty: "받은 메일이 없어요.", to: "받는 사람", subject: "제목", sentAt: "보낸 시각" },
};

export const en: typeof ko = {
  mail: {
    verifySubject: "[Hurry Up] Verify your email address",
    verifyIntro: "Welcome to Hurry Up! Open the link below to verify your email address.",
    verifyButton: "Verify email",
    verifyExpiry: "The link works once, for 24 hours.",
    verifyIgnore: "If you did not sign up, ignore this mail.",
    resetSubject: "[Hurry Up] Reset your password",
    resetIntro: "You asked to reset your password. Open the link below to choose a new one.",
    resetButton: "Choose a new password",
    resetExpiry: "The link works once, for 30 minutes. Changing the password signs out every device.",
    resetIgnore: "If you did not ask for this, ignore this mail. Your password stays the same.",
    existsSubject: "[Hurry Up] You already have an account",
    existsIntro: "Someone tried to sign up with this address, but an account with it already exists.",
    existsSignIn: "Sign in",
    existsReset: "Forgot your password? Reset it",
    existsIgnore: "If it was not you, ignore this mail. Nothing changed on your account.",
  },
  mailbox: { title: "Development mailbox", note: "No SMTP server is configured, so sent mail lands here (hidden in production).", empty: "No mail yet.", to: "To", subject: "Subject", sentAt: "Sent" },
};

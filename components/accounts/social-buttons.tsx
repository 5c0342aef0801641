// "Continue with Kakao / Naver": one small form per configured provider (none when none is configured).
import { socialSignInAction } from "@/lib/accounts/social-actions";
import type { SocialProvider } from "@/lib/auth/oauth-providers";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

const styles: Record<SocialProvider, string> = {
  kakao: "bg-[#FEE500] text-black/85 hover:brightness-95",
  naver: "bg-[#027A37] text-white hover:brightness-110", // Naver green, darkened to 5:1 for white text (WCAG AA)
};

export function SocialButtons({ t, providers, callbackUrl }: { t: Messages["accounts"]; providers: SocialProvider[]; callbackUrl: string }) {
  if (!providers.length) return null;
  return (
    <div className="mt-6 space-y-2" data-testid="social-sign-in">
      <p className="text-center text-xs text-zinc-500">{t.social.or}</p>
      {providers.map((p) => (
        <Form key={p} action={socialSignInAction}>
          <input type="hidden" name="provider" value={p} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={`w-full rounded-lg px-4 py-2 text-sm font-semibold ${styles[p]}`}>
            {t.social[p]}
          </button>
        </Form>
      ))}
    </div>
  );
}

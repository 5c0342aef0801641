import "server-only";
// Kakao and Naver through Auth.js's own providers, with their endpoints from the environment (tests point
// them at oauth2-mock-server). A provider exists only when its client id and secret are configured.
import Kakao from "next-auth/providers/kakao";
import Naver from "next-auth/providers/naver";
import { env } from "@/lib/env";

export type SocialProvider = "kakao" | "naver";

export function enabledSocialProviders(): SocialProvider[] {
  return [
    ...(env.KAKAO_CLIENT_ID && env.KAKAO_CLIENT_SECRET ? (["kakao"] as const) : []),
    ...(env.NAVER_CLIENT_ID && env.NAVER_CLIENT_SECRET ? (["naver"] as const) : []),
  ];
}

export const isSocialProvider = (v: unknown): v is SocialProvider => v === "kakao" || v === "naver";

export function socialProviders() {
  const enabled = enabledSocialProviders();
  return [
    ...(enabled.includes("kakao")
      ? [
          Kakao({
            clientId: env.KAKAO_CLIENT_ID,
            clientSecret: env.KAKAO_CLIENT_SECRET,
            authorization: { url: env.KAKAO_AUTHORIZATION_URL, params: { scope: "profile_nickname account_email" } },
            token: env.KAKAO_TOKEN_URL,
            userinfo: env.KAKAO_USERINFO_URL,
            checks: ["pkce", "state"],
          }),
        ]
      : []),
    ...(enabled.includes("naver")
      ? [
          Naver({
            clientId: env.NAVER_CLIENT_ID,
            clientSecret: env.NAVER_CLIENT_SECRET,
            authorization: { url: env.NAVER_AUTHORIZATION_URL, params: {} },
            token: env.NAVER_TOKEN_URL,
            userinfo: env.NAVER_USERINFO_URL,
            // Naver's token endpoint takes the client's credentials in the form, and it has no PKCE.
            client: { token_endpoint_auth_method: "client_secret_post" },
            checks: ["state"],
          }),
        ]
      : []),
  ];
}

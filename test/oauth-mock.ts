// Kakao- and Naver-shaped OAuth servers for tests: oauth2-mock-server (real HTTP on loopback) with the
// provider's userinfo shape. /authorize redirects straight back with a code (no login screen); who signs
// in is whatever identity the test set (setIdentity, or POST /__identity with JSON for a browser journey).
import { OAuth2Server } from "oauth2-mock-server";

export type MockProvider = "kakao" | "naver";
export type MockIdentity = { id: string; email?: string | null; verified?: boolean; name?: string };

/** The provider's userinfo body. Kakao: kakao_account.email + is_email_verified; Naver: response.email. */
function userinfo(provider: MockProvider, who: MockIdentity) {
  if (provider === "kakao") {
    const account: Record<string, unknown> = { profile: { nickname: who.name ?? "카카오친구" }, has_email: who.email != null };
    if (who.email != null) Object.assign(account, { email: who.email, is_email_valid: true, is_email_verified: who.verified ?? true });
    return { id: Number(who.id), connected_at: "2026-12-01T00:00:00Z", kakao_account: account };
  }
  return { resultcode: "00", message: "success", response: { id: who.id, nickname: who.name ?? "네이버친구", name: who.name ?? "네이버친구", ...(who.email != null && { email: who.email }) } };
}

export async function startProviderMock(provider: MockProvider, port = 0) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  let identity: MockIdentity = { id: "1000", email: null };
  // Neither provider answers this code flow with an OpenID id_token (Kakao only with scope openid).
  server.service.on("beforeResponse", (res: { body: Record<string, unknown> }) => void delete res.body.id_token);
  server.service.on("beforeUserinfo", (res: { body: unknown }) => void (res.body = userinfo(provider, identity)));
  server.service.addRoute("POST", "/__identity", (req, res) => {
    identity = (req as unknown as { body: MockIdentity }).body;
    res.writeHead(204).end();
  });
  await server.start(port, "127.0.0.1");
  const base = server.issuer.url!.replace(/\/$/, "");
  const prefix = provider.toUpperCase();
  return {
    base,
    /** The shop's environment for this provider (lib/env.ts). */
    env: {
      [`${prefix}_CLIENT_ID`]: `${provider}-client`,
      [`${prefix}_CLIENT_SECRET`]: `${provider}-secret`,
      [`${prefix}_AUTHORIZATION_URL`]: `${base}/authorize`,
      [`${prefix}_TOKEN_URL`]: `${base}/token`,
      [`${prefix}_USERINFO_URL`]: `${base}/userinfo`,
    },
    setIdentity: (who: MockIdentity) => void (identity = who),
    stop: () => server.stop(),
  };
}

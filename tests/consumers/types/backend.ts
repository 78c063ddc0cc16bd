// The backend half, type-checked: mint a token, verify an attestation,
// and the sign-in with Microsoft (the refresh token stays here).
import { SignInAgain, callbackPage, createSignIn, mintToken, verifyAttestation } from "smtp-doctor/server";

const token: string = mintToken("a-key-of-at-least-16-bytes", { scope: ["probe"], sub: "customer-1", ttlSeconds: 120 });
const verdict = verifyAttestation("a.b.c", "key", { host: "smtp.example.com" }, { requiredChecks: ["connect", "tls"] });
if (verdict.ok) console.log(verdict.claims.iat, verdict.claims.passed, token);
else if (verdict.reason === "missing-checks") console.log(verdict.missing.join(", "));
else console.log(verdict.reason satisfies "malformed" | "signature" | "other-settings" | "not-ok" | "stale");

export async function signInRoutes(currentUrl: string, session: { state: string; codeVerifier: string; request: string }) {
  const signIn = await createSignIn({ provider: "microsoft", clientId: "app", clientSecret: "secret", redirectUri: "https://app.example/cb" });
  const started = await signIn.start();
  console.log(started.url, started.state, started.codeVerifier, signIn.smtp?.host);
  const tokens = await signIn.finish(currentUrl, session);
  try {
    await signIn.refresh(tokens.refreshToken ?? "");
  } catch (e) {
    if (e instanceof SignInAgain) console.log(e.reason, e.description);
  }
  return callbackPage({ origin: "https://app.example", result: { request: session.request, username: tokens.username, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt } });
}

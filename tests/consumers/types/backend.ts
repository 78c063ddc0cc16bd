// The backend half, type-checked: mint a token, verify an attestation.
import { mintToken, verifyAttestation } from "smtp-doctor/server";

const token: string = mintToken("a-key-of-at-least-16-bytes", { scope: ["probe"], sub: "customer-1", ttlSeconds: 120 });
const verdict = verifyAttestation("a.b.c", "key", { host: "smtp.example.com" }, { requiredChecks: ["connect", "tls"] });
if (verdict.ok) console.log(verdict.claims.iat, verdict.claims.passed, token);
else if (verdict.reason === "missing-checks") console.log(verdict.missing.join(", "));
else console.log(verdict.reason satisfies "malformed" | "signature" | "other-settings" | "not-ok" | "stale");

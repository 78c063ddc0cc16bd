// The providers a customer signs in with for SMTP, and what each needs:
// shared by the backend half (`smtp-doctor/oauth`: issuer, scope, extra
// authorization parameters) and the browser half (`<smtp-doctor-connect>`:
// the button's name and the SMTP settings that go with the sign-in).

export const SIGN_IN_PROVIDERS = Object.freeze({
  // Microsoft identity platform v2: SMTP needs Exchange Online's scope,
  // not a Graph one (a Graph token fails SMTP with 535 5.7.3).
  microsoft: Object.freeze({
    name: "Microsoft",
    issuer: (tenant = "organizations") => `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/v2.0`,
    // `profile` puts preferred_username (the mailbox's address) in the ID token.
    scope: "openid profile email offline_access https://outlook.office.com/SMTP.Send",
    authorizationParameters: Object.freeze({}),
    smtp: Object.freeze({ host: "smtp.office365.com", port: 587, security: "starttls", auth: "oauth2" }),
  }),
  // Google: the full mail scope (SMTP accepts no narrower one); a refresh
  // token only with access_type=offline, and again only after consent.
  google: Object.freeze({
    name: "Google",
    issuer: () => "https://accounts.google.com",
    scope: "openid email https://mail.google.com/",
    authorizationParameters: Object.freeze({ access_type: "offline", prompt: "consent" }),
    smtp: Object.freeze({ host: "smtp.gmail.com", port: 465, security: "tls", auth: "oauth2" }),
  }),
});

// The custom elements: <smtp-doctor-test>, <smtp-doctor-detect>,
// <smtp-doctor-connect> and <smtp-doctor-explain>.
// Importing defines them (in a browser; on a server it does nothing).
export { SmtpDoctorTest } from "./elements/test.js";
export { SmtpDoctorDetect } from "./elements/detect.js";
export { SmtpDoctorConnect } from "./elements/connect.js";
export { SmtpDoctorExplain } from "./elements/explain.js";

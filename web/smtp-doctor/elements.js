// Both custom elements: <smtp-doctor-test> and <smtp-doctor-detect>.
// Importing defines them (in a browser; on a server it does nothing).
export { SmtpDoctorTest } from "./elements/test.js";
export { SmtpDoctorDetect } from "./elements/detect.js";

// Nodemailer's smtp-server (npm), a third SMTP implementation we did not
// write, configured into the failures real deployments produce: each
// scenario is one listener on a loopback port, set up only through the
// library's own options and hooks.
//
// usage: node smtp_server.cjs CONFIG.json
//   CONFIG: { cert, key, ca: PEM paths; user, password }
// Prints one JSON line {scenario: port, ...} when every listener is up,
// then runs until stdin closes (the test dropped its handle).
'use strict';

const fs = require('fs');
const { SMTPServer } = require('smtp-server');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cert = fs.readFileSync(config.cert);
const key = fs.readFileSync(config.key);
const ca = fs.readFileSync(config.ca);

// Accepts the one test account, with any mechanism the scenario offers.
function onAuth(auth, session, callback) {
    const passwordOk =
        auth.method === 'CRAM-MD5'
            ? auth.validatePassword(config.password)
            : auth.method === 'XOAUTH2'
              ? auth.accessToken === config.password
              : auth.password === config.password;
    if (auth.username === config.user && passwordOk) {
        return callback(null, { user: auth.username });
    }
    const err = new Error('Authentication credentials invalid');
    err.responseCode = 535;
    return callback(err);
}

function accept(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => callback(null, 'Queued as NODE4242'));
}

const tls = { key, cert };
const base = { ...tls, authOptional: true, onAuth, onData: accept, logger: false };

const scenarios = {
    // Implicit TLS that only speaks TLS 1.0 and 1.1.
    old_tls: { ...base, secure: true, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
    // STARTTLS that refuses clients without a certificate from its CA
    // (smtp-server passes requestCert on to STARTTLS sockets only).
    client_cert: { ...base, requestCert: true, rejectUnauthorized: true, ca },
    // Only OAuth2 bearer tokens.
    xoauth2_only: { ...base, secure: true, authMethods: ['XOAUTH2'] },
    // Only the challenge-response mechanism.
    cram_only: { ...base, secure: true, authMethods: ['CRAM-MD5'] },
    // Greylisting: every first attempt is deferred at RCPT TO.
    greylist: {
        ...base,
        secure: true,
        onRcptTo(address, session, callback) {
            const err = new Error('4.7.1 Greylisted, please try again in 300 seconds');
            err.responseCode = 451;
            callback(err);
        },
    },
    // A size limit below any real message.
    small_size: { ...base, secure: true, size: 100 },
    // No SMTPUTF8 extension.
    no_smtputf8: { ...base, secure: true, hideSMTPUTF8: true },
    // EHLO disabled: only HELO, so no extensions at all.
    ehlo_refused: { ...base, secure: true, disabledCommands: ['EHLO'] },
};

const ports = {};
let pending = Object.keys(scenarios).length;
for (const [name, options] of Object.entries(scenarios)) {
    const server = new SMTPServer(options);
    server.on('error', (e) => process.stderr.write(`${name}: ${e.message}\n`));
    server.listen(0, '127.0.0.1', () => {
        ports[name] = server.server.address().port;
        pending -= 1;
        if (pending === 0) {
            process.stdout.write(JSON.stringify(ports) + '\n');
        }
    });
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));

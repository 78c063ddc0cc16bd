//! `cargo bench -p smtp-doctor-core`: the cost of one `validate` call on
//! typical and worst-case settings (the browser calls it per keystroke).

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use smtp_doctor_core::json::Json;
use smtp_doctor_core::{Config, validate, validate_json};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let typical = json!({
        "host": "smtp.gmail.com", "port": "587", "security": "starttls",
        "username": "me@gmail.com", "password": "abcd efgh ijkl mnop", "from": "Me <me@gmail.com>"
    });
    let custom = json!({
        "host": "mail.example.com", "port": 465, "security": "tls",
        "username": "me@example.com", "password": "pw", "from": "me@example.com"
    });
    // Everything wrong at once: pasted URL with port, IDN, conflicting modes,
    // wrong credential, sender at another domain with a quoted name.
    let worst = json!({
        "host": "  smtps://user@smtp.bücher-überall.de:993/path  ", "port": "465 ", "security": "starttls",
        "secure": true, "tls": false, "username": "jörg", "password": " xkeysib-0123 ",
        "from": "Doe, Jörg \"the mail\" <jörg.müller+tag@sub.bücher-überall.de>", "auth": "ntlm",
        "extra": {"nested": [1, 2, 3]}
    });
    let (typical, custom, worst) = (Json::from(typical), Json::from(custom), Json::from(worst));
    c.bench_function("validate_json/typical", |b| {
        b.iter(|| validate_json(black_box(&typical)));
    });
    c.bench_function("validate_json/custom", |b| {
        b.iter(|| validate_json(black_box(&custom)));
    });
    c.bench_function("validate_json/worst", |b| {
        b.iter(|| validate_json(black_box(&worst)));
    });
    let parsed = Config::from_json(&typical);
    c.bench_function("validate/typical-parsed", |b| {
        b.iter(|| validate(black_box(&parsed)));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

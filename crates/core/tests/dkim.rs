//! DKIM key records: the key's type and length read from what a domain
//! publishes (keys made with OpenSSL for these tests), and records that
//! are revoked, unreadable or not DKIM at all.

use smtp_doctor_core::domain::dkim::{Key, KeyType, key_name, parse};

const RSA_1024: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQClJhI4oNUhPV0nUExe8n4MTFHmE0gu4cYXMArhlx023J1XsRTYjkxMBOa00cNbCv5j37K898urHut4E9itM9DkFdvEcYKbs0tCowC2l2h+UwD/4yArBArFyK8X5i+SInIgaj4/8ZbI8oLvorj9/NxjQBK79clQ15cNVJ8o2OzULQIDAQAB";
const RSA_2048: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAiaMyBL6Rkr1iigoLeOHpgK7Go5RnmmEQ/R5BB1R9UMExWd43Holww1OXUB8JKla4yow9LAWA/7S3Kx4XF9bQJpfelZzSo3EQHkGccDlAA6Gesf1ncjK7cbtkznV63/6+9+mXx6EwHu5ZFijUxfZVgxcUoWkxOBQGMe8B7B/HCtE9pU07CD27eNAtD11swqsL4pxEwwKbp5VCMfW/9CnowNo3t5iB2NafEJIt1ya9E6XVAJjq/nUhKtvcTLS2mTDoC7vN75DxCBlMUgN5c4I26FWtZySS3FZcyV3EPBN89lDpdEawSPSBNfZ5cvdJJieaudPsXR7jkCqwUvwywaXaaQIDAQAB";
/// The 2048-bit key as a long TXT record arrives: split, with a space.
const RSA_2048_SPLIT: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAiaMyBL6Rkr1iigoLeOHpgK7Go5RnmmEQ/R5BB1R9UMExWd43Holww1OXUB8JKla4yow9LAWA/7S3Kx4XF9bQJpfelZzSo3EQHkGccDlAA6Gesf1ncjK7cbtkznV63/6+9+mXx6EwHu5ZFijUxfZVgxcUoWkx OBQGMe8B7B/HCtE9pU07CD27eNAtD11swqsL4pxEwwKbp5VCMfW/9CnowNo3t5iB2NafEJIt1ya9E6XVAJjq/nUhKtvcTLS2mTDoC7vN75DxCBlMUgN5c4I26FWtZySS3FZcyV3EPBN89lDpdEawSPSBNfZ5cvdJJieaudPsXR7jkCqwUvwywaXaaQIDAQAB";
const RSA_3072: &str = "MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEA53hNzJQh236IRtUWUfKP6jOC6awG6eJni9k49zQs7gcZ3x6lGkmet1rQA/cV4VEpJA/WsgQIpLUV5hWeUTSqKijEUMaz6hD/S3XvQcy2nHMp55kMrDXvcgwaDM7EqnPKFpvlc63/wqX8VHRm4kfcq05KsrzGqDOv0L9QodNp+gR/GQ43PUCllNO+JSoUqgjX29lM7UOmoshKtMyUvrXXE3S0kPi0noaGbEdIqfNBPuoUefkz6j7z+KL91jA7YSNQwBuBzqqg3X1Mq3lZS9l2COeLgaOZLYQrLIAxllsm+1k3yBlYHRPj1uhJwIFI25lz+LTHjpP0qOtBvl99sTOhXiPQ7ZJKvk9/bbaP7xC0/EGU4CsiSWHHdbSQqlvPlEnQFDtx/PJsz8zp415gaxDK9mDA3aB9ImnMAvEPjORrDl192u2dKjVzrk7uY0XjlHffqQP+m6thB1wPzUDIH3zgidTNXlq4Zo4qmhBpjX+biohwn7hgAXl5WZjltuEUDF7hAgMBAAE=";
/// A bare RSAPublicKey (no SubjectPublicKeyInfo around it), 2048 bits.
const RSA_2048_BARE: &str = "MIIBCgKCAQEAyCFGr1FGKXS2X7Ddub4rMofouPkGfDJctVUj0mr5NIuT04U7Su9Ic/+Pki9tZfz1s70QYXZN9QcmIvUZOUbkoU730UIarwGhZx+iy6RrfTZtXi3XpBOumaRm/YMxRZzRFRIke7vD0XTLO0kfFkiJxatHrVuaMc3HqYxDQV0noYLe8mX5a8KJ1/u/SpacITLgg+Rvx7tQVQPxdkEc/Ig66OVprMao3XdEulpS6oWq4aET2M0PsmDARryzB4yEIK6Ub9PAzjfIn4uklpjMW2RIF+mGhemz7Mkq1HVJXcIdP1D4eQSN/wZ4Q/1oYKh6Os+u8aCTDoIqndr3PBA5+KiIMwIDAQAB";
const ED25519: &str = "cA6bbmUAub3nNxEyfAbBvjskTyDb8vhZ8/AuVJnQ0nc=";

fn rsa(bits: u32) -> Key {
    Key::Published {
        kind: KeyType::Rsa,
        bits,
    }
}

#[test]
fn key_lengths_are_read_from_the_published_key() {
    assert_eq!(
        parse(&format!("v=DKIM1; k=rsa; p={RSA_1024}")),
        Some(rsa(1024))
    );
    assert_eq!(parse(&format!("v=DKIM1; p={RSA_2048}")), Some(rsa(2048)));
    assert_eq!(
        parse(&format!("v=DKIM1; k=rsa; p={RSA_2048_SPLIT}")),
        Some(rsa(2048))
    );
    assert_eq!(parse(&format!("k=rsa; t=s; p={RSA_3072}")), Some(rsa(3072)));
    assert_eq!(
        parse(&format!("v=DKIM1; p={RSA_2048_BARE}")),
        Some(rsa(2048))
    );
    assert_eq!(
        parse(&format!("v=DKIM1; k=ed25519; p={ED25519}")),
        Some(Key::Published {
            kind: KeyType::Ed25519,
            bits: 256
        })
    );
}

#[test]
fn revoked_unreadable_and_foreign_records() {
    assert_eq!(parse("v=DKIM1; k=rsa; p="), Some(Key::Revoked));
    assert_eq!(parse("v=DKIM1; p=not*base64"), Some(Key::Unreadable));
    assert_eq!(parse("v=DKIM1; p=AAAA"), Some(Key::Unreadable));
    assert_eq!(
        parse(&format!("v=DKIM1; p={}", &RSA_2048[..100])),
        Some(Key::Unreadable),
        "truncated"
    );
    assert_eq!(parse("v=DKIM1; k=dsa; p=AAAA"), Some(Key::Unreadable));
    assert_eq!(
        parse(&format!("v=DKIM1; k=ed25519; p={RSA_1024}")),
        Some(Key::Unreadable)
    );
    assert_eq!(parse("v=spf1 -all"), None);
    assert_eq!(parse("v=DKIM2; p=AAAA"), None);
    assert_eq!(
        parse(&format!("k=rsa; v=DKIM1; p={RSA_1024}")),
        None,
        "v= must come first"
    );
}

#[test]
fn selectors_live_under_domainkey() {
    assert_eq!(
        key_name("selector1", "example.com."),
        "selector1._domainkey.example.com"
    );
}

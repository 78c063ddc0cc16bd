//! Thunderbird's clientConfig v1.1 format (the autoconfig file): the
//! `outgoingServer type="smtp"` entries, with `%EMAILADDRESS%`,
//! `%EMAILLOCALPART%` and `%EMAILDOMAIN%` expanded. Parsed with quick-xml,
//! which expands no DTD entities (no billion laughs), on a size-capped body.

use quick_xml::Reader;
use quick_xml::events::Event;
use smtp_doctor_core::Security;

/// One outgoing server the file names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
}

/// Why a file was not usable.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("not XML: {0}")]
    Xml(String),
    #[error("not a clientConfig file")]
    NotClientConfig,
    #[error("no usable outgoingServer of type smtp")]
    NoSmtp,
}

/// The SMTP servers in `xml`, in file order (the provider's preference).
pub fn parse(xml: &[u8], local: &str, domain: &str) -> Result<Vec<Outgoing>, ParseError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut saw_root = false;
    let mut current: Option<[String; 4]> = None; // hostname, port, socketType, username
    let mut out = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ParseError::Xml(e.to_string()))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    saw_root = name == "clientConfig";
                    if !saw_root {
                        return Err(ParseError::NotClientConfig);
                    }
                }
                if name == "outgoingServer" {
                    let smtp = e.attributes().flatten().any(|a| {
                        a.key.local_name().as_ref() == b"type" && a.value.as_ref() == b"smtp"
                    });
                    current = smtp.then(Default::default);
                }
                path.push(name);
                // Deeply nested junk is not a config file.
                if path.len() > 16 {
                    return Err(ParseError::NotClientConfig);
                }
            }
            Event::End(_) if path.pop().as_deref() == Some("outgoingServer") => {
                if let Some(o) = current.take().and_then(|f| outgoing(&f, local, domain)) {
                    out.push(o);
                }
            }
            Event::Text(t) => {
                if let (Some(fields), Some(field)) = (current.as_mut(), path.last()) {
                    let text = t
                        .decode()
                        .map_err(|e| ParseError::Xml(e.to_string()))?
                        .into_owned();
                    let slot = match field.as_str() {
                        "hostname" => 0,
                        "port" => 1,
                        "socketType" => 2,
                        "username" => 3,
                        _ => continue,
                    };
                    text.trim().clone_into(&mut fields[slot]);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !saw_root {
        return Err(ParseError::NotClientConfig);
    }
    if out.is_empty() {
        return Err(ParseError::NoSmtp);
    }
    Ok(out)
}

fn outgoing(fields: &[String; 4], local: &str, domain: &str) -> Option<Outgoing> {
    let expand = |s: &str| {
        s.replace("%EMAILADDRESS%", &format!("{local}@{domain}"))
            .replace("%EMAILLOCALPART%", local)
            .replace("%EMAILDOMAIN%", domain)
    };
    let host = expand(&fields[0]).to_ascii_lowercase();
    if host.is_empty() || host.contains(['/', ' ', '%']) {
        return None;
    }
    let security = match fields[2].to_ascii_uppercase().as_str() {
        "SSL" | "TLS" => Security::Tls,
        "STARTTLS" => Security::Starttls,
        "PLAIN" => Security::None,
        _ => return None,
    };
    let port = fields[1].parse().ok().filter(|p| *p > 0)?;
    let username = Some(expand(&fields[3])).filter(|u| !u.is_empty() && !local.is_empty());
    Some(Outgoing {
        host,
        port,
        security,
        username,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <incomingServer type="imap"><hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname><port>587</port><socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#;

    #[test]
    fn reads_outgoing_servers_in_order_and_expands_placeholders() {
        let got = parse(FILE.as_bytes(), "jane", "example.com").unwrap();
        assert_eq!(
            got,
            vec![
                Outgoing {
                    host: "smtp.example.com".into(),
                    port: 465,
                    security: Security::Tls,
                    username: Some("jane@example.com".into()),
                },
                Outgoing {
                    host: "smtp.example.com".into(),
                    port: 587,
                    security: Security::Starttls,
                    username: Some("jane".into()),
                },
            ]
        );
    }

    #[test]
    fn malformed_and_foreign_files_are_errors_not_panics() {
        for (xml, want) in [
            (
                "<clientConfig><outgoingServer type=\"smtp\">",
                ParseError::NoSmtp,
            ),
            (
                "<html><body>Not here</body></html>",
                ParseError::NotClientConfig,
            ),
            ("", ParseError::NotClientConfig),
            (
                "<clientConfig><emailProvider><incomingServer type=\"imap\"/></emailProvider></clientConfig>",
                ParseError::NoSmtp,
            ),
        ] {
            assert_eq!(parse(xml.as_bytes(), "a", "b.test"), Err(want), "{xml}");
        }
        assert!(matches!(
            parse(b"<clientConfig><a></b></clientConfig>", "a", "b.test"),
            Err(ParseError::Xml(_))
        ));
    }

    #[test]
    fn entities_are_not_expanded() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>
<clientConfig><emailProvider><outgoingServer type="smtp"><hostname>&b;</hostname><port>465</port><socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>"#;
        assert!(parse(xml.as_bytes(), "a", "b.test").is_err());
    }

    #[test]
    fn bad_ports_and_socket_types_are_skipped() {
        let xml = r#"<clientConfig><emailProvider>
<outgoingServer type="smtp"><hostname>a.test</hostname><port>99999</port><socketType>SSL</socketType></outgoingServer>
<outgoingServer type="smtp"><hostname>b.test</hostname><port>587</port><socketType>magic</socketType></outgoingServer>
<outgoingServer type="smtp"><hostname>c.test</hostname><port>25</port><socketType>plain</socketType></outgoingServer>
</emailProvider></clientConfig>"#;
        let got = parse(xml.as_bytes(), "a", "b.test").unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].host, "c.test");
        assert_eq!(got[0].security, Security::None);
    }
}

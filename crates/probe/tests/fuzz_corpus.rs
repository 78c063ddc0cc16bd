//! The fuzz targets' properties on stable Rust: every input of the
//! checked-in corpus (`crates/fuzz/corpus/<target>/`, seeds and the
//! inputs the fuzzer found), then random bytes. The long runs are
//! `cargo xtask fuzz` (cargo-fuzz, libFuzzer).

use proptest::prelude::*;
use smtp_doctor_probe::fuzzing::TARGETS;

#[test]
fn every_corpus_input_keeps_its_targets_property() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut seen = 0;
    for (name, target) in TARGETS {
        let dir = root.join(name);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            target(&data);
            seen += 1;
        }
    }
    assert!(seen >= TARGETS.len(), "the corpus is empty");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_keep_every_property(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        for (_, target) in TARGETS {
            target(&data);
        }
    }

    #[test]
    fn smtp_shaped_text_keeps_every_property(text in "([0-9]{3}[ -][ -~]{0,20}\r?\n){1,6}") {
        for (_, target) in TARGETS {
            target(text.as_bytes());
        }
    }
}

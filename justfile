# The same tasks as `cargo xtask …` (see README.md).

# Build the page and serve it: http://127.0.0.1:8787/
demo:
    cargo xtask demo

# Every check CI runs.
test:
    cargo xtask test

# Build the browser package into web/smtp-doctor/pkg/.
wasm:
    cargo xtask wasm

# Benchmarks: core::validate natively, then in headless Chromium.
bench:
    cargo xtask bench
    cargo xtask bench-wasm

# Every fuzz target for SECONDS each (cargo-fuzz on nightly, installed when missing).
fuzz seconds="300":
    cargo xtask fuzz {{seconds}}

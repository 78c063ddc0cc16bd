// A webpack 5 bundle with no config: the package's new URL(…, import.meta.url)
// makes the wasm an asset, and the glue a chunk loaded on first use.
import "smtp-doctor/elements";

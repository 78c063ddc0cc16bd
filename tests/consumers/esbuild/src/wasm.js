// esbuild copies the wasm next to the bundle (--loader:.wasm=file) and
// gives its URL; load() must hear it before the elements ask for the wasm,
// so this module is imported first.
import { load } from "smtp-doctor";
import wasm from "smtp-doctor/wasm";

load({ wasm: new URL(wasm, import.meta.url) });

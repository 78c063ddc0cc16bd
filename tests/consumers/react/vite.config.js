// No plugins: the package's wasm is found through new URL(…, import.meta.url).
export default { base: "./", build: { outDir: "dist", emptyOutDir: true } };

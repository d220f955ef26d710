// The calculator's worker: starts MicroPython (our own copy) off the page's main thread and runs
// worker.py there. A plain module worker that imports MicroPython's loader directly: PyScript's core
// added 55 KB gzip and three requests in a chain before MicroPython even started, and the worker needs
// none of its DOM bridge (app.js owns the DOM).
//
// Protocol (app.js): the page posts {id, call, args}; the worker answers {id, result} with what the
// Python function returned, or {id, error} with the error's text (for the console, never the reader).
// Both paths are relative to this file; sitegen/outputs/vendor.py writes them (SITE_MICROPYTHON, SITE_BUNDLE).
const RUNTIME = "../assets/vendor/micropython/micropython.mjs";
const BUNDLE = "../assets/py/calculator.json";

async function fetchBundle() {
  const response = await fetch(new URL(BUNDLE, import.meta.url));
  if (!response.ok) throw new Error("Python bundle: HTTP " + response.status);
  return response.json();
}

async function start() {
  // Both downloads at once. The loader fetches the .wasm itself (next to micropython.mjs): fetching it here
  // too would save a round trip but needs a blob: URL, which a worker under the page's CSP may not fetch.
  const [{ loadMicroPython }, modules] = await Promise.all([import(RUNTIME), fetchBundle()]);
  const mp = await loadMicroPython({ stdout: console.log, stderr: console.error });
  for (const [path, base64] of Object.entries(modules)) { // compiled .mpy modules, see sitegen/outputs/vendor.py
    mp.FS.mkdirTree("/lib/" + path.split("/").slice(0, -1).join("/"));
    mp.FS.writeFile("/lib/" + path, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  }
  mp.runPython("import sys\nsys.path.append('/lib')");
  return mp.pyimport("worker");
}

const python = start();
python.catch(() => {}); // reported to the page with the first call's answer

onmessage = async ({ data: { id, call, args } }) => {
  try {
    const module = await python;
    postMessage({ id, result: module[call](...args) });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};

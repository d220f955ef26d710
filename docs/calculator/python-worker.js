// The calculator's worker: starts MicroPython (our own copy) off the page's main thread and runs
// worker.py there. A plain module worker that imports MicroPython's loader directly: PyScript's core
// added 55 KB gzip and three requests in a chain before MicroPython even started, and the worker needs
// none of its DOM bridge (app.js owns the DOM).
//
// The page starts it from <head> (overrides/main.html) and at once asks for the answer to its own link,
// so nothing here waits for the page: the bundle carries the engine's data as well as the Python.
//
// Protocol: the page posts {id, call, args}; the worker answers {id, result} with what the Python
// function returned, or {id, error} with the error's text (for the console, never the reader). Every
// call also gets today's date in China as its last argument.
// Both paths are relative to this file; sitegen/outputs/vendor.py writes them (SITE_MICROPYTHON, SITE_BUNDLE).
const RUNTIME = "../assets/vendor/micropython/micropython.mjs";
const BUNDLE = "../assets/py/calculator.json";
const ROOT = "../"; // the site root as seen from the calculator page, which sits where this file does

// Today in China (UTC+8 all year, no daylight saving), YYYY-MM-DD.
const chinaToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

async function fetchBundle() {
  const response = await fetch(new URL(BUNDLE, import.meta.url));
  if (!response.ok) throw new Error("Python bundle: HTTP " + response.status);
  return response.json();
}

async function start() {
  // Both downloads at once. The loader fetches the .wasm itself (next to micropython.mjs).
  const [{ loadMicroPython }, bundle] = await Promise.all([import(RUNTIME), fetchBundle()]);
  const mp = await loadMicroPython({ stdout: console.log, stderr: console.error });
  for (const [path, base64] of Object.entries(bundle.modules)) { // compiled .mpy, see sitegen/outputs/vendor.py
    mp.FS.mkdirTree("/lib/" + path.split("/").slice(0, -1).join("/"));
    mp.FS.writeFile("/lib/" + path, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  }
  mp.runPython("import sys\nsys.path.append('/lib')");
  const module = mp.pyimport("worker");
  module.init(bundle.data, ROOT);
  return module;
}

const python = start();
python.catch(() => {}); // reported to the page with the first call's answer

onmessage = async ({ data: { id, call, args } }) => {
  try {
    const module = await python;
    postMessage({ id, result: module[call](...args, chinaToday()) });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};

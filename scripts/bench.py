#!/usr/bin/env python3
"""Speed figures for the site (printed, never asserted): the calculator's time to answer against a bare
MicroPython page, a repeat visit, bytes per page, Lighthouse scores and blocking time.

    .venv/bin/python scripts/bench.py [--site DIR] [--pairs 7] [--repeats 5] [--lighthouse-runs 3]
                                      [--page URL ...] [--json FILE]

Builds the site (strict, the tests' pinned day) into a temporary folder, or uses DIR (e.g. site/ after
`make build`), adds a bare MicroPython page (`_bench/micropython/`: micropython.mjs + .wasm, the site's
own copy, imported by one inline module that runs one line of Python and sets #calc-result[data-json]),
and serves it all on 127.0.0.1 the way GitHub Pages does (gzip, including wasm, max-age=600). Then:

- time to answer: a shared calculator link (LINK) and the bare page, loaded alternately, cold (a new
  browser context each, after one warm-up load of each that warms the disk and the server), --pairs
  pairs; navigation start -> #calc-result[data-json] (a MutationObserver set before the page runs, no
  polling). Prints both medians, the ratio of the medians and the median of the pair-by-pair ratios
  (target <= 1.6, issue 12). The machine is shared, so only the paired ratio is a fair figure.
- repeat visit: in one context, a first visit to LINK, then (once the service worker has precached,
  navigator.serviceWorker.ready) --repeats visits to other calculator links; median (target <= 400 ms).
- bytes: every page, every response the page and its workers fetched until network idle, gzip as the
  host sends it (budgets: calculator 330 KB, other pages 120 KB; tests/quality/test_lighthouse.py
  enforces them), and what the service worker precaches once per build.
- Lighthouse 12 (node_modules, mobile, simulated throttling) on home, timeline/ and calculator/:
  median of --lighthouse-runs runs of performance (target >= 95) and total blocking time (<= 150 ms),
  with accessibility, best practices and SEO for information (tests gate those).
"""
import argparse
import json
import pathlib
import shutil
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.outputs import service_worker, vendor  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, LIVE_DATA, build_site  # noqa: E402
from tests.quality import lighthouse  # noqa: E402
from tests.quality.conftest import compressed_size, load_page, source_pages  # noqa: E402
from tests.quality.server import PagesHandler, serve_like_pages  # noqa: E402
from tests.quality.test_lighthouse import LIGHTHOUSE_PAGES, max_gzip  # noqa: E402

LINK = "calculator/?level=full&law=2025&management=2025"  # a shared link (tests/browser LINKS, no today)
REPEAT_LINKS = ["calculator/?level=exempt-2&law=2024", "calculator/?level=full&law=2024&technology=2025",
                "calculator/?level=exempt-1&practice=2025", "calculator/?level=add-specialty&practice=2025"]
RATIO_TARGET = 1.6
REPEAT_TARGET_MS = 400
PERFORMANCE_TARGET = 95
TBT_TARGET_MS = 150
BASELINE = "_bench/micropython/"
BASELINE_HTML = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>MicroPython 基线</title>
<link rel="icon" href="data:,">
</head>
<body>
<section id="calc-result"><p>正在加载……</p></section>
<script type="module">
import { loadMicroPython } from "./micropython.mjs";
const mp = await loadMicroPython();
document.getElementById("calc-result").setAttribute("data-json", JSON.stringify({ answer: mp.runPython("1 + 1") }));
</script>
</body>
</html>
"""
MARK_READY = """
new MutationObserver((records, observer) => {
  const result = document.getElementById("calc-result");
  if (result && result.hasAttribute("data-json")) {
    window.__answeredAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-json"]});
"""
PRECACHED = "navigator.serviceWorker.ready.then(() => true)"


def add_baseline(site):
    """Write the bare MicroPython page into the built site (never into docs/), with its own copy of the
    runtime (so it shares no cache entry with the calculator)."""
    folder = site / BASELINE
    folder.mkdir(parents=True)
    for name in vendor.MICROPYTHON_FILES:
        shutil.copy(site / vendor.SITE_MICROPYTHON / name, folder / name)
    (folder / "index.html").write_text(BASELINE_HTML, "utf-8")


def _context(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                               locale="zh-CN", device_scale_factor=2)


def _answer(page, url):
    page.goto(url)
    # A selector, not wait_for_function: the page's CSP forbids the eval that a string predicate needs.
    page.wait_for_selector("#calc-result[data-json]", state="attached", timeout=60_000)
    return page.evaluate("window.__answeredAt")


def cold_answer(browser, url):
    context = _context(browser)
    page = context.new_page()
    page.add_init_script(MARK_READY)
    try:
        return _answer(page, url)
    finally:
        context.close()


def answer_pairs(browser, base, pairs):
    """[(calculator ms, bare ms)] loaded alternately, cold, after one warm-up load of each."""
    cold_answer(browser, base + LINK)
    cold_answer(browser, base + BASELINE)
    return [(cold_answer(browser, base + LINK), cold_answer(browser, base + BASELINE)) for _ in range(pairs)]


def repeat_visits(browser, base, repeats):
    """Time to answer of calculator links opened again in a context that has visited once (service worker
    installed and precached)."""
    context = _context(browser)
    context.add_init_script(MARK_READY)
    try:
        page = context.new_page()
        _answer(page, base + LINK)
        page.evaluate(PRECACHED)
        page.close()
        times = []
        for i in range(repeats):
            page = context.new_page()
            times.append(_answer(page, base + REPEAT_LINKS[i % len(REPEAT_LINKS)]))
            page.close()
        return times
    finally:
        context.close()


def precache_bytes(site):
    """(files, raw bytes, gzip bytes) of what the service worker downloads once per build."""
    files = service_worker.precache_files(site)
    raw = gz = 0
    for path in files:
        body = service_worker.site_file(site, path).read_bytes()
        ctype = PagesHandler.extensions_map.get(pathlib.PurePosixPath(path).suffix, "text/html")
        raw += len(body)
        gz += compressed_size(body, ctype)
    return len(files), raw, gz


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=pathlib.Path, help="an already built site folder (default: build one)")
    parser.add_argument("--pairs", type=int, default=7, help="calculator/bare pairs for the time to answer (>= 5)")
    parser.add_argument("--repeats", type=int, default=5, help="repeat visits to calculator links")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; median")
    parser.add_argument("--page", action="append", help="site-relative page for the byte count (repeatable)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = pathlib.Path(tmp) / "site"
        if args.site:
            shutil.copytree(args.site, site)
        else:
            print("building the site (strict) ...", file=sys.stderr)
            result = build_site(site, LIVE_DATA)
            if result.returncode != 0:
                sys.exit(result.stderr)
        figures["precache"] = precache_bytes(site)  # before the bench's own bare page joins the site
        add_baseline(site)
        base, stop = serve_like_pages(site)
        from playwright.sync_api import sync_playwright
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=lighthouse.chrome_path(), args=CHROMIUM_ARGS)
                print("time to answer, %d pairs ..." % args.pairs, file=sys.stderr)
                figures["pairs"] = answer_pairs(browser, base, args.pairs)
                print("repeat visits ...", file=sys.stderr)
                figures["repeat_ms"] = repeat_visits(browser, base, args.repeats)
                print("bytes ...", file=sys.stderr)
                figures["bytes"] = {}
                for rel in args.page or source_pages():
                    load = load_page(browser, base, rel)
                    figures["bytes"][rel] = {"files": len(load.sizes), "raw": load.raw_bytes, "gzip": load.gzip_bytes,
                                             "blocked": load.blocked}
                browser.close()
            figures["lighthouse"] = {}
            for rel in LIGHTHOUSE_PAGES:
                print("lighthouse %s x%d ..." % (rel or "/", args.lighthouse_runs), file=sys.stderr)
                figures["lighthouse"][rel] = [lighthouse.summary(lighthouse.run(base + rel))
                                              for _ in range(args.lighthouse_runs)]
        finally:
            stop()
    report(figures, args)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), "utf-8")


def verdict(ok):
    return "ok" if ok else "MISS"


def report(figures, args):
    calc = [c for c, _ in figures["pairs"]]
    bare = [b for _, b in figures["pairs"]]
    ratios = [c / b for c, b in figures["pairs"]]
    print()
    print("Served on 127.0.0.1 with gzip like GitHub Pages, Debian Chromium headless, 390x844 phone viewport.")
    print("time to answer, cold, %d alternating pairs: %s" % (len(calc), LINK))
    print("  calculator   median %4.0f ms  (%s)" % (statistics.median(calc), ", ".join("%.0f" % t for t in calc)))
    print("  bare page    median %4.0f ms  (%s)" % (statistics.median(bare), ", ".join("%.0f" % t for t in bare)))
    print("  ratio of medians %.2f; median of pairwise ratios %.2f (%s)  target <= %.1f: %s" % (
        statistics.median(calc) / statistics.median(bare), statistics.median(ratios),
        ", ".join("%.2f" % r for r in ratios), RATIO_TARGET, verdict(statistics.median(ratios) <= RATIO_TARGET)))
    repeat = figures["repeat_ms"]
    print("repeat visit (service worker installed), %d calculator links: median %.0f ms (%s)  target <= %d: %s" % (
        len(repeat), statistics.median(repeat), ", ".join("%.0f" % t for t in repeat), REPEAT_TARGET_MS,
        verdict(statistics.median(repeat) <= REPEAT_TARGET_MS)))
    print()
    print("bytes until network idle, gzip as sent (budget: calculator 330 KB, others 120 KB; 1 KB = 1000 bytes):")
    for rel, row in figures["bytes"].items():
        print("  %-26s %3d files  %7.1f KB raw  %6.1f KB gzip  %s%s" % (
            rel or "/", row["files"], row["raw"] / 1000, row["gzip"] / 1000, verdict(row["gzip"] <= max_gzip(rel)),
            "  WARNING other hosts: %s" % row["blocked"] if row["blocked"] else ""))
    files, raw, gz = figures["precache"]
    print("  service worker precache, once per build: %d files, %.1f KB raw, %.1f KB gzip" % (files, raw / 1000, gz / 1000))
    print()
    print("Lighthouse 12, mobile, simulated throttling, median of %d runs (targets: perf >= %d, TBT <= %d ms):"
          % (args.lighthouse_runs, PERFORMANCE_TARGET, TBT_TARGET_MS))
    for rel, runs in figures["lighthouse"].items():
        median = {key: statistics.median(r[key] for r in runs if r[key] is not None) for key in runs[0]}
        print("  %-12s perf %3.0f %s  TBT %4.0f ms %s  (runs: perf %s, TBT %s)  FCP %.0f  LCP %.0f  a11y %.0f  BP %.0f  SEO %.0f"
              % (rel or "/", median["performance"], verdict(median["performance"] >= PERFORMANCE_TARGET),
                 median["tbt_ms"], verdict(median["tbt_ms"] <= TBT_TARGET_MS), [r["performance"] for r in runs],
                 [r["tbt_ms"] for r in runs], median["fcp_ms"], median["lcp_ms"], median["accessibility"],
                 median["best-practices"], median["seo"]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Quality figures for the site: Lighthouse scores, blocking time, bytes, the calculator's time to answer.

    .venv/bin/python scripts/bench.py [--site DIR] [--runs 5] [--lighthouse-runs 1] [--cpu-slowdown 1]
                                      [--page URL ...] [--json FILE]

Builds the site (strict, the tests' pinned day) into a temporary folder, or uses DIR (e.g. site/ after
`make build`), adds a bare MicroPython page as a baseline (`_bench/micropython/`: PyScript core and
MicroPython copied from node_modules/ with PyScript's default plugins, an inline `<script type="mpy">`
writing into #calc-result), and serves it all on 127.0.0.1 the way GitHub Pages does (gzip, including
wasm). Then, for the home page, a guide (timeline/), the calculator (skipped with a note when the site
has none) and the baseline:

- Lighthouse 12 (node_modules, mobile, simulated throttling) on Debian Chromium: performance,
  accessibility, best practices and SEO scores, total blocking time (median over --lighthouse-runs);
- bytes of every response the page fetched until network idle (workers included), raw and as gzip;
- for pages with #calc-result: time to answer, navigation start -> `#calc-result[data-json]` (set by a
  MutationObserver in the page, no polling), median of --runs cold loads (new browser context each,
  after one warm-up load that warms the disk and the server, not the browser), phone viewport.
  --cpu-slowdown 4 runs those loads with Chromium's CPU throttling, like Lighthouse's mobile profile.

Targets (accessibility, best practices, SEO and sizes are enforced by tests/quality/test_lighthouse.py;
performance and TBT only here, they depend on the machine's speed): performance >= 95, accessibility 100, best practices >= 95, SEO 100, TBT <= 150 ms on the
calculator, every page <= 400 KiB gzip. Not a test: it prints a table and exits 0.
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

from sitegen import vendor  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, build_site  # noqa: E402
from tests.quality import lighthouse  # noqa: E402
from tests.quality.conftest import load_page  # noqa: E402
from tests.quality.server import serve_like_pages  # noqa: E402
from tests.quality.test_lighthouse import LIGHTHOUSE_PAGES, TARGETS as GATES, max_gzip  # noqa: E402

PAGES = LIGHTHOUSE_PAGES  # home, a guide, the calculator: the pages the Lighthouse gate checks
# Speed targets are figures to read here, never test assertions: they depend on how busy the machine is.
TARGETS = {"performance": 95, **GATES}
TBT_TARGET_MS = 150
GUIDE = "timeline/"  # the plain guide page the calculator is compared with
ANSWER_TARGET_MS = 1000
BASELINE = "_bench/micropython/"
BASELINE_HTML = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>MicroPython 基线</title>
<meta name="description" content="只加载 MicroPython（micropython.mjs 和 .wasm）、运行一行 Python 的最小页面，用作计算器页面的比较基线。">
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>MicroPython 基线</h1>
<section id="calc-result" aria-live="polite"><p>正在加载……</p></section>
<script type="module">
import { loadMicroPython } from "./micropython.mjs";
const mp = await loadMicroPython();
const result = document.getElementById("calc-result");
result.textContent = "MicroPython 已运行：1 + 1 = " + mp.runPython("1 + 1");
result.setAttribute("data-json", JSON.stringify({ answer: mp.runPython("1 + 1") }));
</script>
</main>
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


def add_baseline(site):
    """Write the bare MicroPython page into the built site (never into docs/), with its own copy of the
    runtime the site serves (so it shares no cache entry with the calculator)."""
    folder = site / BASELINE
    folder.mkdir(parents=True)
    for name in vendor.MICROPYTHON_FILES:
        shutil.copy(site / vendor.SITE_MICROPYTHON / name, folder / name)
    (folder / "index.html").write_text(BASELINE_HTML, "utf-8")


def time_to_answer(browser, url, runs, cpu_slowdown):
    """Milliseconds from navigation start to #calc-result[data-json], one cold context per run."""
    times = []
    for i in range(runs + 1):  # the first load only warms the disk cache and the server
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                      locale="zh-CN", device_scale_factor=2)
        page = context.new_page()
        if cpu_slowdown > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        page.add_init_script(MARK_READY)
        page.goto(url)
        # A selector, not wait_for_function: the page's CSP forbids the eval that a string predicate needs.
        page.wait_for_selector("#calc-result[data-json]", state="attached", timeout=60_000)
        if i:
            times.append(page.evaluate("window.__answeredAt"))
        context.close()
    return times


def kb(n):
    return "%.1f" % (n / 1024)


def mark(ok):
    return "" if ok is None else (" ok" if ok else " MISS")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=pathlib.Path, help="an already built site folder (default: build one)")
    parser.add_argument("--runs", type=int, default=5, help="cold loads for the time to answer (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page; median")
    parser.add_argument("--cpu-slowdown", type=float, default=1, help="CPU throttling for the time to answer")
    parser.add_argument("--page", action="append", help="site-relative page to measure (repeatable)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    notes, rows = [], []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = pathlib.Path(tmp) / "site"
        if args.site:
            shutil.copytree(args.site, site)
        else:
            print("building the site (strict) ...", file=sys.stderr)
            result = build_site(ROOT, site)
            if result.returncode != 0:
                sys.exit(result.stderr)
        add_baseline(site)
        pages = []
        for rel in args.page or PAGES:
            if (site / rel / "index.html").is_file():
                pages.append(rel)
            else:
                notes.append("%s: not in the site, skipped" % (rel or "/"))
        pages.append(BASELINE)
        base, stop = serve_like_pages(site)
        from playwright.sync_api import sync_playwright
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=lighthouse.chrome_path(), args=CHROMIUM_ARGS)
                for rel in pages:
                    print("measuring %s ..." % (rel or "/"), file=sys.stderr)
                    load = load_page(browser, base, rel)
                    row = {"page": rel or "/", "files": len(load.sizes), "raw_bytes": load.raw_bytes,
                           "gzip_bytes": load.gzip_bytes, "blocked_requests": load.blocked}
                    if (site / rel / "index.html").read_text("utf-8").find('id="calc-result"') >= 0:
                        times = time_to_answer(browser, base + rel, args.runs, args.cpu_slowdown)
                        row["answer_ms"] = {"median": statistics.median(times), "min": min(times),
                                            "max": max(times), "runs": times}
                    rows.append(row)
                browser.close()
            for row in rows:
                rel = "" if row["page"] == "/" else row["page"]
                print("lighthouse %s ..." % row["page"], file=sys.stderr)
                runs = [lighthouse.summary(lighthouse.run(base + rel)) for _ in range(args.lighthouse_runs)]
                row["lighthouse_runs"] = runs
                for key in runs[0]:
                    values = [r[key] for r in runs if r[key] is not None]
                    row[key] = statistics.median(values) if values else None
        finally:
            stop()

    print()
    print("Lighthouse 12 (mobile, simulated throttling), Debian Chromium, served on 127.0.0.1 with gzip like GitHub Pages;")
    print("bytes: every response until network idle; time to answer: median of %d cold loads, 390x844%s."
          % (args.runs, ", CPU %gx slower" % args.cpu_slowdown if args.cpu_slowdown > 1 else ""))
    head = ("page", "perf", "a11y", "BP", "SEO", "TBT ms", "FCP ms", "LCP ms", "files", "KiB raw", "KiB gzip",
            "answer ms (min-max)")
    table = [head]
    for row in rows:
        is_site = row["page"] != BASELINE
        scores = []
        for key, short in [("performance", "perf"), ("accessibility", "a11y"), ("best-practices", "BP"),
                           ("seo", "SEO")]:
            value = row[key]
            scores.append("%s%s" % (value, mark(value >= TARGETS[key] if is_site and value is not None else None)))
        tbt = "%d%s" % (row["tbt_ms"], mark(row["tbt_ms"] <= TBT_TARGET_MS if row["page"] == "calculator/" else None))
        answer = row.get("answer_ms")
        table.append((row["page"], *scores, tbt, str(row["fcp_ms"]), str(row["lcp_ms"]), str(row["files"]),
                      kb(row["raw_bytes"]),
                      kb(row["gzip_bytes"]) + mark(row["gzip_bytes"] <= max_gzip(row["page"].lstrip("/")) if is_site else None),
                      "%.0f (%.0f-%.0f)" % (answer["median"], answer["min"], answer["max"]) if answer else "-"))
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for i, r in enumerate(table):
        print("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("targets: perf >= %d, a11y %d, BP >= %d, SEO %d (home, guide, calculator); TBT <= %d ms (calculator); "
          "<= %d KiB gzip per page. %s = the bare MicroPython page, for comparison."
          % (TARGETS["performance"], TARGETS["accessibility"], TARGETS["best-practices"], TARGETS["seo"],
             TBT_TARGET_MS, 120, BASELINE))
    for row in rows:
        if row.get("answer_ms"):
            print("answer runs %s: %s ms" % (row["page"], ", ".join("%.0f" % t for t in row["answer_ms"]["runs"])))
        if args.lighthouse_runs > 1:
            print("lighthouse runs %s: perf %s, TBT %s ms" % (row["page"], [r["performance"] for r in row["lighthouse_runs"]],
                                                          [r["tbt_ms"] for r in row["lighthouse_runs"]]))
        if row["blocked_requests"]:
            print("WARNING %s asked for other hosts: %s" % (row["page"], row["blocked_requests"]))
    by_page = {row["page"]: row for row in rows}
    calc, guide = by_page.get("calculator/"), by_page.get(GUIDE)
    if calc and guide:
        print("calculator/%s: %.2fx raw, %.2fx gzip, %.2fx TBT" % (
            GUIDE, calc["raw_bytes"] / guide["raw_bytes"], calc["gzip_bytes"] / guide["gzip_bytes"],
            calc["tbt_ms"] / max(guide["tbt_ms"], 1)))
    if calc and calc.get("answer_ms"):
        print("calculator time to answer: median %.0f ms %s (target <= %d ms)"
              % (calc["answer_ms"]["median"], "ok" if calc["answer_ms"]["median"] <= ANSWER_TARGET_MS else "MISS",
                 ANSWER_TARGET_MS))
    for note in notes:
        print("note:", note)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()

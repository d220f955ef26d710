#!/usr/bin/env python3
"""Benchmark the calculator page: time to answer and bytes downloaded, against a plain guide page.

    .venv/bin/python scripts/bench_calculator.py [--site DIR] [--runs 5] [--query '?level=full&law=2025']

Builds the site into a temporary folder (or uses DIR, e.g. site/ after `make build`), serves it on
127.0.0.1, and opens the calculator page in headless Chromium with a phone viewport, a new browser
context (cold cache) per run. Time to answer is from navigation start to the moment `#calc-result`
gets `data-json` (recorded in the page by a MutationObserver, so no polling delay). Bytes are every
response body the page fetched up to network idle, raw and gzip-compressed here (level 6, per
response, as a static host would serve them). Targets: median <= 1000 ms, calculator <= 400 KB gzip.
Not a test: it prints figures and exits 0.
"""
import argparse
import gzip
import pathlib
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import BUILD_DAY, CHROMIUM_ARGS, build_site, serve  # noqa: E402

DEFAULT_QUERY = "?level=full&law=2025&management=2025&today=%s" % BUILD_DAY
MARK_READY = """
new MutationObserver((records, observer) => {
  const result = document.getElementById("calc-result");
  if (result && result.hasAttribute("data-json")) {
    window.__calcReady = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-json"]});
"""


def new_phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                               locale="zh-CN", device_scale_factor=2)


def load(browser, url, wait_for_answer):
    """(ms to answer or None, [(url, raw bytes, gzip bytes)]) for one cold load of `url`."""
    context = new_phone(browser)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    if wait_for_answer:
        page.add_init_script(MARK_READY)
    page.goto(url)
    elapsed = None
    if wait_for_answer:
        page.wait_for_function("window.__calcReady !== undefined", timeout=20_000)
        elapsed = page.evaluate("window.__calcReady")
    page.wait_for_load_state("networkidle")
    sizes = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        sizes.append((response.url, len(body), len(gzip.compress(body, compresslevel=6))))
    context.close()
    return elapsed, sizes


def totals(sizes):
    return sum(s[1] for s in sizes), sum(s[2] for s in sizes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=pathlib.Path, help="an already built site folder (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default=DEFAULT_QUERY)
    parser.add_argument("--guide", default="timeline/", help="the plain page to compare with")
    parser.add_argument("--files", action="store_true", help="list every file the calculator page fetched")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = pathlib.Path(tmp) / "site"
            result = build_site(ROOT, site)
            if result.returncode != 0:
                sys.exit(result.stderr)
        base, stop = serve(site)
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            load(browser, base + "calculator/" + args.query, True)  # warm the OS file cache, not the browser's
            times, calc_sizes = [], None
            for _ in range(args.runs):
                elapsed, sizes = load(browser, base + "calculator/" + args.query, True)
                times.append(elapsed)
                calc_sizes = calc_sizes or sizes
            _, guide_sizes = load(browser, base + args.guide, False)
            browser.close()
        stop()

    calc_raw, calc_gz = totals(calc_sizes)
    guide_raw, guide_gz = totals(guide_sizes)
    print("calculator/%s, %d cold runs, 390x844 phone viewport, headless Chromium, loopback" % (args.query, args.runs))
    print("time to #calc-result[data-json]: median %.0f ms, min %.0f ms, max %.0f ms  (runs: %s)" % (
        statistics.median(times), min(times), max(times), ", ".join("%.0f" % t for t in times)))
    print("calculator page: %d files, %.1f KB raw, %.1f KB gzip" % (len(calc_sizes), calc_raw / 1000, calc_gz / 1000))
    print("%-15s %d files, %.1f KB raw, %.1f KB gzip" % (args.guide + ":", len(guide_sizes), guide_raw / 1000,
                                                        guide_gz / 1000))
    print("ratio calculator/guide: %.2f raw, %.2f gzip" % (calc_raw / guide_raw, calc_gz / guide_gz))
    if args.files:
        for url, raw, gz in sorted(calc_sizes, key=lambda s: -s[2]):
            print("  %8d %8d  %s" % (raw, gz, url.replace(base, "/")))


if __name__ == "__main__":
    main()

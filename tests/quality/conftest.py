"""Quality gates over the built site: accessibility, links, security, outside hosts, Lighthouse scores.

Every page is found from docs/ at collection time (so each gets its own test id, e.g.
`test_axe[calculator/]`), and `test_every_built_page_is_checked` makes sure the built site has no
page this list misses. Tests that need a browser load the site through `pages_url`, a server that
gzips like GitHub Pages (tests/quality/server.py).
"""
import gzip
import pathlib

import pytest

from ..conftest import ROOT
from .server import COMPRESSIBLE, serve_like_pages

NODE_MODULES = ROOT / "node_modules"
RESULT_READY = "#calc-result[data-json], #calc-result[data-error]"
# page id -> Lighthouse summary, filled by test_lighthouse.py and printed at the end of the run.
LIGHTHOUSE_RESULTS = {}

# Records violations of the page's Content-Security-Policy as they happen (an init script is not
# itself subject to the page's CSP).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  e.effectiveDirective + " blocked " + (e.blockedURI || "?") + " at " + e.sourceFile + ":" + e.lineNumber));
"""


def source_pages():
    """Site-relative URL of every page MkDocs builds from docs/ (use_directory_urls), plus 404.html."""
    urls = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("index", "README"):
            parts = parts[:-1]
        urls.append("/".join(parts) + "/" if parts else "")
    return urls + ["404.html"]


def page_id(url):
    return url or "home"


def built_pages(site):
    """Site-relative URL of every HTML page in a built site."""
    urls = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def pytest_configure(config):
    config.addinivalue_line("markers", "quality: a quality gate over the built site (tests/quality)")
    config.addinivalue_line("markers", "lighthouse: runs Lighthouse (mobile, simulated throttling) via node")


def pytest_collection_modifyitems(items):
    here = pathlib.Path(__file__).parent
    for item in items:
        if here in pathlib.Path(item.path).parents:
            item.add_marker(pytest.mark.quality)


def pytest_terminal_summary(terminalreporter):
    if not LIGHTHOUSE_RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("Lighthouse (mobile, simulated throttling; tests/quality/test_lighthouse.py)")
    write("%-12s %5s %5s %5s %5s %8s %8s %10s" % ("page", "perf", "a11y", "BP", "SEO", "TBT ms", "LCP ms", "KiB gzip"))
    for page, s in LIGHTHOUSE_RESULTS.items():
        write("%-12s %5s %5s %5s %5s %8d %8d %10.1f" % (page, s["performance"], s["accessibility"],
                                                       s["best-practices"], s["seo"], s["tbt_ms"], s["lcp_ms"],
                                                       s["transfer_bytes"] / 1024))


@pytest.fixture(scope="session")
def pages_url(live_site):
    """The built site on loopback, served like GitHub Pages (gzip, max-age=600)."""
    url, stop = serve_like_pages(live_site)
    yield url
    stop()


def node_tool(*parts):
    path = NODE_MODULES.joinpath(*parts)
    assert path.exists(), "%s is missing: run `npm ci` (make test does)" % path.relative_to(ROOT)
    return path


def compressed_size(body, content_type):
    """Bytes on the wire from a host that gzips like GitHub Pages."""
    if content_type.split(";")[0].strip().startswith(COMPRESSIBLE):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


class PageLoad:
    """What one cold load of a page did: requests, bytes, console errors, CSP violations."""

    def __init__(self, url):
        self.url = url
        self.requests = []       # every URL the page (and its workers) asked for
        self.blocked = []        # of those, the ones that would have left 127.0.0.1 (aborted)
        self.sizes = {}          # URL -> (raw bytes, gzip bytes), of what the page and its workers fetched
        self.precache_sizes = {}  # the same for the service worker's own downloads (not the page's weight)
        self.console_errors = []
        self.csp_violations = []
        self.dom_links = []      # every <a href> in the page once loaded (scripts may add some), absolute
        self.dom_ids = set()

    @property
    def raw_bytes(self):
        return sum(raw for raw, _ in self.sizes.values())

    @property
    def gzip_bytes(self):
        return sum(gz for _, gz in self.sizes.values())


def load_page(browser, base_url, rel):
    """Load `base_url + rel` in a new phone-sized context (cold cache) and record a PageLoad.

    Requests to anything but the local server are recorded and aborted, so nothing leaves the machine.
    Waits for the calculator's answer when the page has one, then for the network to be idle.
    """
    record = PageLoad(base_url + rel)
    local = base_url.rstrip("/")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")

    def route(route):
        url = route.request.url
        record.requests.append(url)
        if url.startswith(local + "/"):
            route.continue_()
        else:
            record.blocked.append(url)
            route.abort()

    def response(resp):
        try:
            body = resp.body()
        except Exception:  # redirects and aborted requests have no body
            return
        sizes = record.precache_sizes if resp.request.service_worker else record.sizes
        sizes[resp.url] = (len(body), compressed_size(body, resp.headers.get("content-type", "")))

    context.route("**/*", route)
    context.on("response", response)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    page.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: record.console_errors.append("uncaught: %s" % e))
    try:
        page.goto(record.url)
        if page.locator("#calc-result").count():
            page.wait_for_selector(RESULT_READY, state="attached", timeout=20_000)
        page.wait_for_load_state("networkidle")
        record.csp_violations = page.evaluate("window.__cspViolations")
        record.dom_links = page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => a.href)")
        record.dom_ids = set(page.evaluate("[...document.querySelectorAll('[id]')].map((e) => e.id)"))
    finally:
        context.close()
    return record


@pytest.fixture(scope="session")
def page_loads(browser, pages_url):
    """One cold Chromium load per page, shared by the CSP, outside-host and page-weight tests."""
    cache = {}

    def get(rel):
        if rel not in cache:
            cache[rel] = load_page(browser, pages_url, rel)
        return cache[rel]

    return get

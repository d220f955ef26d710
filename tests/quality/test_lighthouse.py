"""Lighthouse scores that do not depend on the machine's speed, and page weight, as gates (shown as
`[lighthouse]` in the test ids and summarised at the end of the pytest output).

Lighthouse 12 from node_modules (package.json pins it; 13 needs Node 22), mobile, simulated throttling,
on Debian Chromium, one run per page on the home page, a guide and the calculator, served like GitHub
Pages (gzip). Gates: accessibility 100, best practices >= 95, SEO 100. Performance and total blocking
time depend on how busy the CPU is, so they are figures that `make bench` prints (scripts/bench.py),
never assertions here; the summary at the end of the run shows them for information.

Page weight: every page, all requests until network idle (workers included), gzip as the host sends
it: the calculator at most 330 KB (MicroPython alone is 217 KB of it), every other page at most 120 KB
(1 KB = 1000 bytes, the stricter reading). The service worker's precache downloads, which start once a
page is idle and happen once per build, are not part of a page's weight (tests/browser/test_offline.py).
"""
import pytest

from . import lighthouse
from .conftest import LIGHTHOUSE_RESULTS, page_id, source_pages

TARGETS = {"accessibility": 100, "best-practices": 95, "seo": 100}
MAX_GZIP = {"calculator/": 330_000}
MAX_GZIP_OTHER = 120_000


def max_gzip(rel):
    """The gzip budget of the page at site-relative URL `rel`."""
    return MAX_GZIP.get(rel, MAX_GZIP_OTHER)


LIGHTHOUSE_PAGES = ["", "timeline/", "calculator/"]
@pytest.fixture(scope="session")
def lighthouse_report(pages_url, live_site):
    cache = {}

    def get(rel):
        if not (live_site / rel / "index.html").is_file():
            pytest.skip("%s is not in the site" % rel)
        if rel not in cache:
            cache[rel] = lighthouse.run(pages_url + rel)
            LIGHTHOUSE_RESULTS[page_id(rel)] = lighthouse.summary(cache[rel])
        return cache[rel]

    return get


@pytest.mark.lighthouse
@pytest.mark.parametrize("category", list(TARGETS))
@pytest.mark.parametrize("rel", LIGHTHOUSE_PAGES, ids=page_id)
def test_lighthouse(lighthouse_report, rel, category):
    report = lighthouse_report(rel)
    score = _score(report, category)
    failing = "\n".join("  %s (%s): %s %s" % (audit, round(s * 100), title, value)
                        for audit, title, s, value in lighthouse.failing_audits(report, category))
    assert score >= TARGETS[category], "Lighthouse %s on %s: %d < %d\n%s" % (
        category, rel or "/", score, TARGETS[category], failing)


def _score(report, category):
    return round(report["categories"][category]["score"] * 100)


@pytest.mark.browser
@pytest.mark.parametrize("rel", source_pages(), ids=page_id)
def test_page_weight(page_loads, rel):
    load = page_loads(rel)
    biggest = sorted(load.sizes.items(), key=lambda item: -item[1][1])[:5]
    assert load.gzip_bytes <= max_gzip(rel), "%s weighs %.1f KB gzip (%d files), over %d KB; biggest:\n%s" % (
        rel or "/", load.gzip_bytes / 1000, len(load.sizes), max_gzip(rel) // 1000,
        "\n".join("  %.1f KB  %s" % (gz / 1000, url) for url, (_, gz) in biggest))

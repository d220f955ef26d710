"""Nothing a page loads comes from another host: no CDN, no web fonts, no analytics, no badges.

Readers in mainland China cannot rely on Google Fonts, jsDelivr or GitHub's API, and a page that waits
for one of them hangs. Two checks: the built files (HTML resources, and url()/@import in every CSS
file) and, in Chromium, every request each page makes while loading (requests to anywhere but the
local server are aborted and reported). Links a reader follows (<a href>) may point anywhere; see
scripts/list_external_links.py for those.
"""
import pytest

from .conftest import built_pages, page_id, source_pages
from .htmlscan import Page, css_urls, is_external


def test_pages_load_nothing_from_another_host(live_site):
    found = []
    for rel in built_pages(live_site):
        path = live_site / (rel if rel.endswith(".html") else rel + "index.html")
        for ref in Page(path.read_text("utf-8")).refs:
            if ref.resource and is_external(ref.url):
                found.append("%s line %d: <%s %s=%s>" % (path.relative_to(live_site), ref.line, ref.tag, ref.attr,
                                                          ref.url))
    assert not found, "resources from another host:\n" + "\n".join(found)


def test_stylesheets_load_nothing_from_another_host(live_site):
    found = []
    sheets = sorted(live_site.rglob("*.css"))
    assert sheets, "no CSS in the built site?"
    for css in sheets:
        for url in css_urls(css.read_text("utf-8", errors="replace")):
            if is_external(url):
                found.append("%s: %s" % (css.relative_to(live_site), url))
    assert not found, "url() or @import to another host in the built CSS:\n" + "\n".join(found)


@pytest.mark.browser
@pytest.mark.parametrize("rel", source_pages(), ids=page_id)
def test_no_request_leaves_loopback_in_chromium(page_loads, rel):
    load = page_loads(rel)
    assert load.requests, "no requests recorded for %s" % rel
    assert not load.blocked, "%s asked for other hosts:\n%s" % (rel or "/", "\n".join(sorted(set(load.blocked))))

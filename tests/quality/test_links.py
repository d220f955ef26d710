"""Every internal link and anchor resolves in the built site; external links are collected, not fetched.

Static: every <a>/<area>/<link> href, <script>/<img>/<iframe>/<source> src (and srcset) in every built
page, url() in the built CSS and the web manifest's URLs must name a file in the site, and a #fragment
must be an id (or <a name>) on the target page. Rendered: the links on each page once its scripts
have run in Chromium (the calculator writes links into its result) resolve the same way.
External links are listed by `scripts/list_external_links.py` (a manual check; nothing here goes online).
"""
import urllib.parse

import pytest

from .conftest import page_id, source_pages
from .links import FAKE_ORIGIN, Site, check


@pytest.fixture(scope="module")
def link_check(live_site):
    return check(live_site)


def test_every_internal_link_and_anchor_resolves(link_check):
    problems, _ = link_check
    assert not problems, "broken internal links:\n" + "\n".join(
        "%s%s: %s — %s" % (p.source, ":%d" % p.line if p.line else "", p.url, p.reason) for p in problems)


def test_external_links_are_well_formed(link_check):
    _, externals = link_check
    bad = [e for e in externals
           if urllib.parse.urlsplit(e.url).scheme not in ("http", "https") or " " in e.url or not
           urllib.parse.urlsplit(e.url).hostname]
    assert not bad, "malformed external links:\n" + "\n".join("%s:%d %s" % (e.source, e.line, e.url) for e in bad)


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<h1 id="top">x</h1><a href="a/">ok</a><a href="a/#nope">bad anchor</a>'
                                         '<a href="b/">missing</a><img src="x.png"><a href="#top">ok</a>'
                                         '<a href="https://example.org/">out</a>', "utf-8")
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../#top">ok</a></p>', "utf-8")
    problems, externals = check(tmp_path)
    assert sorted(p.url for p in problems) == ["a/#nope", "b/", "x.png"]
    assert [e.url for e in externals] == ["https://example.org/"]


@pytest.mark.browser
@pytest.mark.parametrize("rel", source_pages(), ids=page_id)
def test_rendered_links_resolve(page_loads, pages_url, live_site, rel):
    load = page_loads(rel)
    site = Site(live_site)
    broken = []
    for href in load.dom_links:
        if not href.startswith(pages_url):
            continue
        url = FAKE_ORIGIN + href[len(pages_url):]
        target, fragment = site.target(url, FAKE_ORIGIN + rel)
        if target is None:
            broken.append("%s (no such file)" % href)
        elif fragment and target.suffix == ".html":
            same_page = urllib.parse.urlsplit(href)._replace(fragment="").geturl() == \
                urllib.parse.urlsplit(load.url)._replace(fragment="").geturl()
            ids = site.page(target).ids | (load.dom_ids if same_page else set())
            if fragment not in ids:
                broken.append("%s (no id %r)" % (href, fragment))
    assert not broken, "%s links, once rendered, to:\n%s" % (rel or "/", "\n".join(sorted(set(broken))))

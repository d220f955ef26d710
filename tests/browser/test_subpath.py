"""GitHub project pages live under /<repo>/: every page must load all its files there too."""
import pytest

from ..conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def subpath_url(built_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    (root / "repo").symlink_to(built_site, target_is_directory=True)
    url, stop = serve(root)
    yield url + "repo/"
    stop()


@pytest.mark.parametrize("page", ["", "timeline/", "news/", "subscribe/"])
def test_pages_load_every_file_under_a_sub_path(phone, subpath_url, page):
    failures = []
    phone.on("response", lambda r: failures.append((r.status, r.url)) if r.status >= 400 else None)
    phone.goto(subpath_url + page, wait_until="networkidle")
    assert phone.locator("article h1").count() == 1
    assert failures == []
    for href in phone.eval_on_selector_all("nav a[href], article a[href]", "els => els.map(e => e.href)"):
        if href.startswith(subpath_url.split("repo/")[0]):
            assert "/repo/" in href, "a link escapes the sub-path: %s" % href

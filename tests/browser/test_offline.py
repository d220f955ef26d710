"""The service worker (sitegen/outputs/service_worker.py + .js): after a first visit every page and the calculator
work offline, a repeat visit loads from the cache, a new build reaches an online reader at once, and
sites under two sub-paths of one host never answer from each other's cache.

No test waits for a time: each waits for the worker's own states (navigator.serviceWorker.ready means
every file is precached; an update is waited for through the installing worker's statechange).
"""
import json
import re
import shutil

import pytest

from sitegen.outputs import service_worker

from ..conftest import build_site, serve
from .conftest import RESULT_READY, query, run_cli

pytestmark = pytest.mark.browser

OTHER_DAY = "2026-11-23"  # build B: the home page says "本页内容截至 2026年11月23日"
NEVER_SEEN = [("level", "exempt-1"), ("law", "2024"), ("management", "2025"), ("today", "2026-11-22")]

# Resolves once this page's worker has precached everything; returns the scope's cache names.
PRECACHED = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await caches.keys()).filter((name) => name.startsWith("site " + registration.scope + " "));
}"""
# Asks for a new sw.js and waits until it is active (or until the check finds none); returns the cache names.
UPDATED = """async () => {
  const registration = await navigator.serviceWorker.ready;
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (worker && worker.state !== "activated") {
    await new Promise((resolve, reject) => worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      if (worker.state === "redundant") reject(new Error("the new service worker failed to install"));
    }));
  }
  return (await caches.keys()).filter((name) => name.startsWith("site " + registration.scope + " "));
}"""


def _build(site):
    return re.search(r'^const BUILD = "(\w+)";', (site / service_worker.SCRIPT).read_text("utf-8"), re.M).group(1)


def _files(site):
    return json.loads(re.search(r"^const FILES = (\[.*?\]);", (site / service_worker.SCRIPT).read_text("utf-8"),
                                re.M | re.S).group(1))


def _made_on(page):
    return re.search(r"本页内容截至 (\d{4}年\d{1,2}月\d{1,2}日)", page.inner_text("article")).group(1)


@pytest.fixture(scope="module")
def other_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("site-b")
    result = build_site(out, today=OTHER_DAY)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def host(built_site, other_build, tmp_path_factory):
    """One host: /a/ and /b/ carry builds A and B, /live/ is a deploy that the test can switch."""
    root = tmp_path_factory.mktemp("host")
    (root / "a").symlink_to(built_site, target_is_directory=True)
    (root / "b").symlink_to(other_build, target_is_directory=True)
    (root / "live").symlink_to(built_site, target_is_directory=True)
    url, stop = serve(root)
    yield url, root
    stop()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    yield context
    context.close()


def _visit(page, url):
    page.goto(url)
    return page.evaluate(PRECACHED)


def test_the_worker_precaches_every_page_and_what_pages_load(built_site):
    files = _files(built_site)
    pages = {p.relative_to(built_site).as_posix().removesuffix("index.html") for p in built_site.rglob("*.html")}
    assert pages <= set(files)
    for needed in ["calculator/app.js", "calculator/python-worker.js", "assets/py/calculator.json",
                   "assets/vendor/micropython/micropython.mjs", "assets/vendor/micropython/micropython.wasm"]:
        assert needed in files
    assert _build(built_site) != _build_of_changed_copy(built_site), "the build id follows the files' contents"


def _build_of_changed_copy(site):
    copy = site.parent / (site.name + "-changed")
    if not copy.exists():
        shutil.copytree(site, copy)
        (copy / "timeline" / "index.html").write_text("changed", "utf-8")
    return service_worker.build_id(copy, _files(site))


def test_after_one_visit_every_page_and_the_calculator_work_offline(context, host, built_site):
    url = host[0] + "a/"
    page = context.new_page()
    caches = _visit(page, url)
    assert caches == ["site %s %s" % (url, _build(built_site))]
    context.set_offline(True)
    for rel in [f for f in _files(built_site) if f.endswith("/") or f == ""]:
        page.goto(url + rel)
        assert page.locator("article h1").count() == 1, rel
    page.goto(url + "calculator/" + query(NEVER_SEEN))
    page.wait_for_selector(RESULT_READY, state="attached")
    assert json.loads(page.get_attribute("#calc-result", "data-json")) == run_cli(NEVER_SEEN)[1]


def test_offline_a_page_never_cached_says_so_in_chinese(context, host):
    page = context.new_page()
    _visit(page, host[0] + "a/")
    context.set_offline(True)
    response = page.goto(host[0] + "a/no-such-page/")
    assert response.status == 503 and "当前没有网络" in page.inner_text("body")


def test_a_repeat_visit_takes_the_calculator_runtime_from_the_cache(context, host):
    url = host[0] + "a/calculator/" + query(NEVER_SEEN)
    page = context.new_page()
    _visit(page, url)
    page.wait_for_selector(RESULT_READY, state="attached")
    page.close()
    responses = []
    page = context.new_page()
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    page.wait_for_selector(RESULT_READY, state="attached")
    by_name = {r.url.rsplit("/", 1)[-1]: r for r in responses}
    for name in ["micropython.wasm", "micropython.mjs", "calculator.json", "app.js", "python-worker.js"]:
        assert by_name[name].from_service_worker, name


def test_online_a_new_build_shows_at_once(context, host, built_site, other_build):
    base, root = host
    url = base + "live/"
    page = context.new_page()
    _visit(page, url)
    assert _made_on(page) == "2026年11月22日"
    (root / "live").unlink()
    (root / "live").symlink_to(other_build, target_is_directory=True)  # deploy build B
    try:
        page.goto(url)
        assert _made_on(page) == "2026年11月23日", "online, the page comes from the host, not the cache"
        assert page.evaluate(UPDATED) == ["site %s %s" % (url, _build(other_build))], "build A's cache is gone"
        context.set_offline(True)
        page.goto(url)
        assert _made_on(page) == "2026年11月23日", "offline, build B from B's cache"
    finally:
        (root / "live").unlink()
        (root / "live").symlink_to(built_site, target_is_directory=True)


def test_two_sub_paths_of_one_host_keep_their_own_caches(context, host, built_site, other_build):
    base = host[0]
    page = context.new_page()
    assert _visit(page, base + "a/") == ["site %sa/ %s" % (base, _build(built_site))]
    assert _visit(page, base + "b/") == ["site %sb/ %s" % (base, _build(other_build))]
    context.set_offline(True)
    page.goto(base + "a/")
    assert _made_on(page) == "2026年11月22日"
    page.goto(base + "b/")
    assert _made_on(page) == "2026年11月23日"

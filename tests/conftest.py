"""Shared fixtures: strict builds of the site, served on loopback, and Chromium.

Tests assert what pages, calendars and the calculator say against a frozen copy of data/,
tests/fixtures/data, so a content change in data/ never needs a test edit: this module points
SITE_DATA at it for the whole run, so every load(), build and `python -m calculator` in the tests
reads it unless told otherwise. The live data/ (LIVE_DATA) is checked by its schemas and checks
(tests/data), by the golden snapshots and by the quality gates, which build from it (`live_site`).
"""
import copy
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest

from sitegen.data import data_dir, load, load_engine_data

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
LIVE_DATA = data_dir()  # data/, or what SITE_DATA named before the tests started
os.environ["SITE_DATA"] = str(FIXTURE_DATA)


@functools.cache
def _fixture_engine_data():
    return load_engine_data(FIXTURE_DATA)


def fixture_engine_data():
    """The engine data of the frozen fixture, loaded and validated once per run (about 0.4 s each time):
    for the command line's `run(argv, data)` in-process, which would otherwise load it on every call."""
    return copy.deepcopy(_fixture_engine_data())


# Pages say "as of <day>"; pin the day so builds and snapshots do not change with the calendar.
BUILD_DAY = "2026-11-22"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_site(out, data=None, today=BUILD_DAY):
    """Run a strict MkDocs build of the site from the data folder `data` (default: the fixture data)
    into `out`; return the CompletedProcess."""
    env = {**os.environ, "SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", "SITE_DATA": str(data or data_dir())}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def _built(tmp_path_factory, name, data=None):
    out = tmp_path_factory.mktemp(name)
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built from the frozen fixture data: what tests of page content assert against."""
    return _built(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The site built from the live data/: for snapshots and quality gates, which assert no data values."""
    return _built(tmp_path_factory, "live-site", LIVE_DATA)


@pytest.fixture(scope="session")
def fixture_data():
    """The frozen fixture data, loaded."""
    return load()


@pytest.fixture
def data_copy(tmp_path):
    """A throw-away copy of the fixture data, for tests that change a file and rebuild."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


def serve(directory):
    """Serve a folder on a free loopback port; returns (base_url, stop). After stop() the port refuses
    connections (the handler speaks HTTP/1.0, so no kept-alive connection outlives it): the network is gone."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()

    return "http://127.0.0.1:%d/" % server.server_address[1], stop


@pytest.fixture(scope="session")
def site_url(built_site):
    url, stop = serve(built_site)
    yield url
    stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    chromium = shutil.which("chromium")
    assert chromium, "Debian chromium is missing: run `make test`, which installs it"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized page (390×844, zh-CN); closed after the test."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite tests/snapshots from the current build instead of comparing")

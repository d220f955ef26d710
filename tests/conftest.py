"""Shared fixtures: one strict build of the site per test session, served on loopback, and Chromium."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Pages say "as of <day>"; pin the day so builds and snapshots do not change with the calendar.
BUILD_DAY = "2026-11-22"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_site(project, out, today=BUILD_DAY):
    """Run a strict MkDocs build of `project` into `out`; return the CompletedProcess."""
    env = {**os.environ, "SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture
def project_copy(tmp_path):
    """A throw-away copy of everything the build reads, for tests that change data/."""
    for name in ["docs", "overrides", "sitegen", "data", "calculator"]:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    if (ROOT / "node_modules").exists():
        (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


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

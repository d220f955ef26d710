"""Fixtures for the calculator page: the command line as the oracle, and opening shared links."""
import json
import subprocess
import sys
import urllib.parse

import pytest

from ..conftest import ROOT

RESULT_READY = "#calc-result[data-json], #calc-result[data-error]"


def cli_args(pairs):
    """The command line for a URL query given as (key, value) pairs."""
    args = []
    for key, value in pairs:
        if key in ("level", "today", "extension"):
            args += ["--" + key, value]
        else:
            args += ["--pass", "%s=%s" % (key, value)]
    return args


def run_cli(pairs):
    """(exit status, parsed JSON or None, stderr line) of `python -m calculator ... --json`."""
    done = subprocess.run([sys.executable, "-m", "calculator", *cli_args(pairs), "--json"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    return done.returncode, (json.loads(done.stdout) if done.returncode == 0 else None), done.stderr.strip()


def query(pairs):
    return "?" + urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)


class Calculator:
    """The calculator page in one browser tab."""

    def __init__(self, page, base_url):
        self.page = page
        self.url = base_url + "calculator/"

    def open(self, search=""):
        self.page.goto(self.url + search)
        self.page.wait_for_selector(RESULT_READY, state="attached", timeout=20_000)
        return self

    def json(self):
        text = self.page.get_attribute("#calc-result", "data-json")
        return None if text is None else json.loads(text)

    def error(self):
        return self.page.get_attribute("#calc-result", "data-error")

    def text(self):
        return self.page.inner_text("#calc-result")

    def query_params(self):
        return urllib.parse.parse_qsl(urllib.parse.urlsplit(self.page.url).query)


@pytest.fixture
def calc(phone, site_url):
    return Calculator(phone, site_url)


@pytest.fixture
def cli():
    return run_cli

"""Fixtures for the calculator page: the command line as the oracle, and opening shared links."""
import json
import urllib.parse

import pytest

import calculator.__main__ as calculator_cli

from ..conftest import fixture_engine_data

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
    """(exit status, parsed JSON or None, stderr line) of `python -m calculator ... --json`, in-process
    (tests/calculator starts the real process once)."""
    status, out, err = calculator_cli.run([*cli_args(pairs), "--json"], fixture_engine_data())
    return status, (json.loads(out) if status == 0 else None), err.strip()


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

"""Fixtures for the calculator tests: the engine data (from the fixture data, see tests/conftest.py), and the decision table."""
import json
import pathlib

import pytest

from ..conftest import fixture_engine_data

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES_FILE = pathlib.Path(__file__).with_name("cases.json")


def load_cases():
    return json.loads(CASES_FILE.read_text("utf-8"))["cases"]


@pytest.fixture(scope="session")
def engine_data():
    return fixture_engine_data()


"""Bad-data fixtures: each tests/data/bad/*.yml breaks one rule in a copy of data/.

Each fixture is applied to a copy of the frozen fixture data (tests/fixtures/data), so its expected
messages never change with the live data/.

Header lines:
  # file: data/years/2025.yml      where the fixture is written (it replaces or adds that file)
  # expect: data/years/...: ...    every message the check must print, in order (one line each)
The fixture's own lines count from 1, so the expected line numbers refer to the fixture file.
"""
import pathlib
import shutil

from sitegen.data import DataError, load

from ..conftest import FIXTURE_DATA

BAD = pathlib.Path(__file__).resolve().parent / "bad"


def fixtures():
    return sorted(BAD.glob("*.yml"))


def header(path, key):
    prefix = "# %s: " % key
    return [line[len(prefix):] for line in path.read_text("utf-8").splitlines() if line.startswith(prefix)]


def messages_for(path, tmp):
    """Copy the fixture data into tmp/data, apply the fixture, and return the loader's messages ([] if none)."""
    shutil.copytree(FIXTURE_DATA, tmp / "data")
    target = tmp / header(path, "file")[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(path.read_text("utf-8"), "utf-8")
    try:
        load(tmp / "data")
    except DataError as err:
        return err.messages
    return []

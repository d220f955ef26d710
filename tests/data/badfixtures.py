"""Bad-data fixtures: each tests/data/bad/*.yml breaks one rule in a copy of data/.

Header lines:
  # file: data/years/2025.yml      where the fixture is written (it replaces or adds that file)
  # expect: data/years/...: ...    every message the check must print, in order (one line each)
The fixture's own lines count from 1, so the expected line numbers refer to the fixture file.
"""
import pathlib
import shutil

from sitegen.data import DataError, load

ROOT = pathlib.Path(__file__).resolve().parents[2]
BAD = pathlib.Path(__file__).resolve().parent / "bad"


def fixtures():
    return sorted(BAD.glob("*.yml"))


def header(path, key):
    prefix = "# %s: " % key
    return [line[len(prefix):] for line in path.read_text("utf-8").splitlines() if line.startswith(prefix)]


def messages_for(path, tmp):
    """Copy data/ into tmp, apply the fixture, and return the loader's messages ([] if none)."""
    shutil.copytree(ROOT / "data", tmp / "data")
    target = tmp / header(path, "file")[0]
    text = path.read_text("utf-8")
    target.write_text(text, "utf-8")
    try:
        load(tmp)
    except DataError as err:
        return err.messages
    return []

"""Golden snapshots of what readers see: the text of every page, built from the live data/ on a pinned day.

After an intended change, run `make snapshots` and review the diff of tests/snapshots/ in the PR.
"""
import pathlib

import pytest

from .pagetext import article_text

SNAPSHOTS = pathlib.Path(__file__).resolve().parents[1] / "snapshots"


def _pages(site):
    return sorted(p for p in site.rglob("index.html") if "search" not in p.parts)


def test_every_page_matches_its_snapshot(live_site, request):
    update = request.config.getoption("--update-snapshots")
    seen, drift = set(), []
    for page in _pages(live_site):
        rel = page.parent.relative_to(live_site).as_posix()
        name = ("home" if rel == "." else rel.replace("/", "__")) + ".txt"
        seen.add(name)
        text = article_text(page.read_text("utf-8"))
        golden = SNAPSHOTS / name
        if update:
            SNAPSHOTS.mkdir(exist_ok=True)
            golden.write_text(text, "utf-8")
        elif not golden.exists() or golden.read_text("utf-8") != text:
            drift.append(name)
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.txt") if p.name not in seen)
    if update:
        for name in stale:
            (SNAPSHOTS / name).unlink()
        pytest.skip("snapshots rewritten: review `git diff tests/snapshots`")
    assert not drift, "pages differ from tests/snapshots (run `make snapshots` if intended): %s" % drift
    assert not stale, "snapshots without a page: %s" % stale

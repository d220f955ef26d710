"""A maintainer's pull request is the data file plus `make snapshots`, never a test edit.

In a scratch copy of the repository, record the 2026 score release in data/years/2026.yml only,
regenerate the snapshots as `make snapshots` does, then run the tests that read the live data/
(its checks and the snapshots; every other test reads tests/fixtures/data): they pass.
"""
import os
import subprocess
import sys

from ..conftest import LIVE_DATA, ROOT

RELEASE = ('score_release:\n  date: "2026-12-25"\n  time: "10:00"\n  confidence: official\n'
           '  sources:\n    - url: https://www.cpta.com.cn/\n\n')


def _copy_repository(target):
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode("utf-8").split("\0")):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_bytes(source.read_bytes())
    (target / "node_modules").symlink_to(ROOT / "node_modules")


def _pytest(project, *args):
    env = {**os.environ, "SITE_DATA": str(project / "data")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=project, env=env, capture_output=True, text=True)


def test_recording_a_release_needs_only_the_data_file_and_make_snapshots(tmp_path):
    assert LIVE_DATA == ROOT / "data", "run from the repository's own data/"
    project = tmp_path / "repo"
    _copy_repository(project)
    year = project / "data" / "years" / "2026.yml"
    text = year.read_text("utf-8")
    year.write_text(text[:text.index("score_release:")] + RELEASE + text[text.index("unknown:"):], "utf-8")

    updated = _pytest(project, "tests/site/test_snapshots.py", "--update-snapshots")
    assert updated.returncode == 0, updated.stdout[-3000:]
    assert (project / "tests" / "snapshots" / "timeline.txt").read_text("utf-8") != \
        (ROOT / "tests" / "snapshots" / "timeline.txt").read_text("utf-8"), "the release shows on the timeline"

    suite = _pytest(project, "tests/data", "tests/site/test_snapshots.py")
    assert suite.returncode == 0, suite.stdout[-3000:]

"""Valid HTML: the Nu HTML Checker (vnu.jar from npm vnu-jar, on Debian's Java) finds no error on any built page.

Warnings are allowed. One Java process checks every page at once, together with a page that has a known
mistake: that page must be reported, so a checker that silently checks nothing fails the test.
"""
import json
import pathlib
import shutil
import subprocess
import urllib.parse

import pytest

from .conftest import built_pages, node_tool

KNOWN_BAD = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>坏</title></head>'
             '<body><form action=""></form></body></html>')


def check(files):
    """{path: ["line: message", ...]} for every error vnu finds in `files` (all checked in one run)."""
    java = shutil.which("java")
    assert java, "Java is missing: run `make test`, which installs it (scripts/ensure-system-packages.sh)"
    jar = node_tool("vnu-jar", "build", "dist", "vnu.jar")
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout",
                           *map(str, files)], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode in (0, 1) and done.stdout, "vnu did not run:\n" + done.stderr
    errors = {}
    for m in json.loads(done.stdout)["messages"]:
        # "non-document-error" is a file vnu could not read: that counts as well.
        path = urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path)
        errors.setdefault(path, []).append("%s: %s" % (m.get("lastLine", "?"), m["message"]))
    return errors


def _shown(path, site):
    """A page as the site names it (calculator/index.html); anything else as vnu named it."""
    return pathlib.Path(path).relative_to(site).as_posix() if path.startswith(str(site) + "/") else path or "?"


@pytest.fixture(scope="module")
def vnu(live_site, tmp_path_factory):
    """(site, page paths, known-bad path, errors) from one run over the site and the known-bad page."""
    pages = [live_site / (rel + "index.html" if not rel.endswith(".html") else rel)
             for rel in built_pages(live_site)]
    bad = tmp_path_factory.mktemp("vnu") / "known-bad.html"
    bad.write_text(KNOWN_BAD, "utf-8")
    return live_site, pages, bad, check(pages + [bad])


def test_the_checker_reports_a_known_mistake(vnu):
    _, _, bad, errors = vnu
    assert any("“action”" in e for e in errors.get(str(bad), [])), errors.get(str(bad))


def test_every_page_is_valid_html(vnu):
    site, pages, bad, errors = vnu
    assert len(pages) > 10, "expected every built page, found %d" % len(pages)
    found = ["%s:%s" % (_shown(path, site), e) for path, messages in sorted(errors.items())
             if path != str(bad) for e in messages]
    assert not found, "Nu HTML Checker errors (fix the template, not the built file):\n" + "\n".join(found)


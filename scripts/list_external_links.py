#!/usr/bin/env python3
"""List every external link in the built site with the pages that use it (a manual check; nothing is fetched).

    .venv/bin/python scripts/list_external_links.py [--site DIR] [--urls-only]

Builds the site (strict, the tests' pinned day) into a temporary folder, or reads DIR (e.g. site/
after `make build`), and prints each external URL once, sorted by host, followed by the pages (and
lines) that link to it. Open them by hand, or feed `--urls-only` output to a link checker on a machine
with internet access. Internal links and anchors are checked by tests/quality/test_links.py.
"""
import argparse
import collections
import pathlib
import sys
import tempfile
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import LIVE_DATA, build_site  # noqa: E402
from tests.quality.links import check  # noqa: E402


def report(site, urls_only):
    _, externals = check(site)
    by_url = collections.defaultdict(list)
    for ext in externals:
        where = "%s:%d" % (ext.source, ext.line) if ext.line else ext.source
        if where not in by_url[ext.url]:
            by_url[ext.url].append(where)
    ordered = sorted(by_url, key=lambda u: (urllib.parse.urlsplit(u).hostname or "", u))
    if urls_only:
        for url in ordered:
            print(url)
        return
    hosts = collections.Counter(urllib.parse.urlsplit(u).hostname for u in ordered)
    print("%d external links on %d hosts, used %d times\n" % (len(ordered), len(hosts), len(externals)))
    for url in ordered:
        print(url)
        for where in by_url[url]:
            print("    " + where)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=pathlib.Path, help="an already built site folder (default: build one)")
    parser.add_argument("--urls-only", action="store_true", help="one URL per line, nothing else")
    args = parser.parse_args()
    if args.site:
        report(args.site, args.urls_only)
        return
    with tempfile.TemporaryDirectory(prefix="links-") as tmp:
        site = pathlib.Path(tmp) / "site"
        result = build_site(site, LIVE_DATA)
        if result.returncode != 0:
            sys.exit(result.stderr)
        report(site, args.urls_only)


if __name__ == "__main__":
    main()

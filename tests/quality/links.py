"""Every link, resource and #fragment in a built site, resolved against the site's own files.

Nothing is fetched: internal URLs are mapped to files under the site folder, external ones are only
collected. Used by tests/quality/test_links.py and scripts/list_external_links.py.
"""
import collections
import json
import pathlib
import posixpath
import re
import urllib.parse

from .htmlscan import Page, css_urls, is_external, is_special

FAKE_ORIGIN = "http://site.invalid/"  # pages are resolved as if the site were served at this root


def page_url(site, path):
    """Site URL of a built file: index.html files as their folder (use_directory_urls)."""
    rel = path.relative_to(site).as_posix()
    return FAKE_ORIGIN + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def own_origin(site):
    """The site's public root (site_url), from the home page's canonical link, or None."""
    home = site / "index.html"
    if not home.is_file():
        return None
    match = re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text("utf-8"))
    return match.group(1) if match else None


class Site:
    """A built site folder: pages parsed once, URLs resolved to files and ids."""

    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.origin = own_origin(self.root)
        self._pages = {}

    def html_files(self):
        return sorted(self.root.rglob("*.html"))

    def page(self, path):
        if path not in self._pages:
            self._pages[path] = Page(path.read_text("utf-8"))
        return self._pages[path]

    def target(self, url, base):
        """(file or None, fragment) for an internal `url` seen on a page whose URL is `base`."""
        if self.origin and url.startswith(self.origin):
            url = FAKE_ORIGIN + url[len(self.origin):]
        absolute = urllib.parse.urljoin(base, url)
        parts = urllib.parse.urlsplit(absolute)
        path = urllib.parse.unquote(parts.path)
        if ".." in path.split("/"):
            path = posixpath.normpath(path)
        local = self.root / path.lstrip("/")
        if path.endswith("/") or local.is_dir():
            local = local / "index.html"
        return (local if local.is_file() else None), urllib.parse.unquote(parts.fragment)

    def is_internal(self, url):
        if self.origin and url.startswith(self.origin):
            return True
        return not (is_external(url) or is_special(url))


Problem = collections.namedtuple("Problem", "source line url reason")
External = collections.namedtuple("External", "url source line tag")


def check(site_root):
    """(problems, externals) over every HTML page, the CSS files and the web manifest."""
    site = Site(site_root)
    problems, externals = [], []

    def resolve(source, line, url, base, tag):
        if not url or url == "#":
            return
        if not site.is_internal(url):
            if is_external(url):
                externals.append(External(url, source, line, tag))
            return
        target, fragment = site.target(url, base)
        if target is None:
            problems.append(Problem(source, line, url, "no such file in the site"))
        elif fragment and target.suffix == ".html" and fragment not in site.page(target).ids:
            problems.append(Problem(source, line, url, "no id %r on %s" % (fragment, target.relative_to(site.root))))

    for path in site.html_files():
        page = site.page(path)
        source = path.relative_to(site.root).as_posix()
        base = page_url(site.root, path)
        if source == "404.html":  # served at any depth, so MkDocs writes its URLs from the site root
            base = FAKE_ORIGIN
        for ref in page.refs:
            resolve(source, ref.line, ref.url, base, "%s %s" % (ref.tag, ref.attr))
    for css in sorted(site.root.rglob("*.css")):
        source = css.relative_to(site.root).as_posix()
        for url in css_urls(css.read_text("utf-8", errors="replace")):
            resolve(source, 0, url, FAKE_ORIGIN + source, "css url")
    for manifest in sorted(site.root.glob("*.webmanifest")):
        source = manifest.name
        data = json.loads(manifest.read_text("utf-8"))
        for key in ("start_url", "scope"):
            if key in data:
                resolve(source, 0, data[key], FAKE_ORIGIN + source, "manifest " + key)
        for icon in data.get("icons", []):
            resolve(source, 0, icon["src"], FAKE_ORIGIN + source, "manifest icon")
    return problems, externals

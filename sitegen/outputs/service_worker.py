"""Write the service worker (sw.js at the site root) that lets pages and the calculator work offline.

The worker's logic is sitegen/outputs/service_worker.js; this module fills in what it precaches and the build
it belongs to:

- FILES: every page (index.html folders and 404.html), every file a page links or loads from its HTML
  (stylesheets, scripts, icons), the files next to a page (the calculator's app.js and its worker), the
  calculator's runtime (MicroPython and the Python bundle, sitegen/outputs/vendor.py), and what search loads when
  opened (Material's search worker, the index, the tokeniser for the index's languages);
- BUILD: a hash of all those files' contents. Any change (a new date on a page) makes a new sw.js, which
  browsers then install in place of the old one.

Paths are relative to the site root, so the worker works at a root and under a sub-path. Called from
mkdocs-macros' on_post_build after every other file is written.
"""
import hashlib
import html.parser
import json
import posixpath
import urllib.parse

from . import vendor

SCRIPT = "sw.js"
TEMPLATE = vendor.ROOT / "sitegen" / "outputs" / "service_worker.js"
SEARCH_INDEX = "search/search_index.json"
# <link rel> values that name another document, not something the page loads.
NOT_LOADED = {"alternate", "canonical", "manifest", "next", "prev", "search"}


class _Refs(html.parser.HTMLParser):
    """Site-relative URLs an HTML page loads from its markup, and Material's search worker."""

    def __init__(self):
        super().__init__()
        self.urls, self.search_worker, self._config = [], None, False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("href") and not NOT_LOADED & set((values.get("rel") or "").split()):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        self._config = tag == "script" and values.get("id") == "__config"

    def handle_data(self, data):
        if self._config:
            self.search_worker = json.loads(data).get("search")
            self._config = False


def site_file(site_dir, path):
    """The file behind a precached path: a page's folder URL ("timeline/", "" for home) is its index.html."""
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def _page_url(rel):
    """"timeline/index.html" -> "timeline/", "index.html" -> "", "404.html" -> "404.html"."""
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


class ServiceWorkerError(Exception):
    pass


def _local(base_rel, url, site_path):
    """The site-relative path of `url` as written in the file at `base_rel`, or None if it is elsewhere.
    404.html's URLs are absolute paths from site_url (`site_path`, e.g. "/" or "/repo/")."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        return parts.path[len(site_path):] if parts.path.startswith(site_path) else None
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_rel), parts.path))


def precache_files(site_dir, site_path="/"):
    """Site-relative paths the service worker precaches, sorted (pages as their folder URL)."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    files, search_workers = set(), set()
    for rel in pages:
        files.add(_page_url(rel))
        refs = _Refs()
        refs.feed((site_dir / rel).read_text("utf-8"))
        files.update(filter(None, (_local(rel, url, site_path) for url in refs.urls)))
        if refs.search_worker:
            search_workers.add(_local(rel, refs.search_worker, site_path))
        if rel.endswith("/index.html"):  # a page's own files (the calculator's app.js and worker)
            files.update(p.relative_to(site_dir).as_posix() for p in (site_dir / rel).parent.iterdir()
                         if p.is_file() and p.suffix != ".html")
    files.update("%s/%s" % (vendor.SITE_MICROPYTHON, name) for name in vendor.MICROPYTHON_FILES)
    files.add(vendor.SITE_BUNDLE)
    if search_workers:
        files.update(search_workers)
        files.update(_search_language_files(site_dir))
    missing = sorted(f for f in files if not site_file(site_dir, f).is_file())
    if missing:
        raise ServiceWorkerError("离线缓存清单里的这些文件在网站里找不到：%s" % "、".join(missing))
    return sorted(files)


def _search_language_files(site_dir):
    """The index and the lunr files Material's search worker loads for the index's languages."""
    languages = json.loads((site_dir / SEARCH_INDEX).read_text("utf-8"))["config"]["lang"]
    names = ["lunr.stemmer.support"] + ["lunr.%s" % lang for lang in languages if lang != "en"]
    if len(languages) > 1:
        names.append("lunr.multi")
    return [SEARCH_INDEX] + ["assets/javascripts/lunr/min/%s.min.js" % name for name in names]


def build_id(site_dir, files):
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(site_file(site_dir, path).read_bytes())
    return digest.hexdigest()[:16]


def write(site_dir, site_url="/"):
    """Write sw.js into `site_dir`; returns (build id, precached paths)."""
    files = precache_files(site_dir, urllib.parse.urlsplit(site_url).path or "/")
    build = build_id(site_dir, files)
    head = "// Generated by sitegen/outputs/service_worker.py for this build; do not edit.\nconst BUILD = %s;\nconst FILES = %s;\n" % (
        json.dumps(build), json.dumps(files, indent=0))
    (site_dir / SCRIPT).write_text(head + TEMPLATE.read_text("utf-8"), "utf-8")
    return build, files

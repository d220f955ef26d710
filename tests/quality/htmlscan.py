"""Read built HTML pages and CSS files with the standard library: references, ids, inline code, CSP.

Used by the quality tests and by scripts/list_external_links.py.
"""
import base64
import hashlib
import html.parser
import re
import urllib.parse

# (tag, attribute) pairs that make the browser fetch or navigate to a URL.
URL_ATTRIBUTES = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
    ("source", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"),
    ("embed", "src"), ("object", "data"), ("input", "src"), ("form", "action"), ("image", "href"),
    ("use", "href"), ("image", "xlink:href"), ("use", "xlink:href"),
}
SRCSET_ATTRIBUTES = {("img", "srcset"), ("source", "srcset")}
# Elements whose URL is a resource the page loads (not a link a reader follows).
RESOURCE_TAGS = {"link", "script", "img", "iframe", "source", "video", "audio", "track", "embed", "object",
                 "input", "image", "use"}
# <link rel> values that are links to other documents rather than resources of this page.
NAVIGATION_RELS = {"alternate", "canonical", "next", "prev", "author", "license", "help", "search"}
# Script types the browser executes (others, e.g. application/json or mpy, are data to it).
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)


def csp_hash(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


class Ref:
    """One URL in a page: where it is, and whether it is a resource the page loads."""

    def __init__(self, tag, attr, url, line, resource):
        self.tag, self.attr, self.url, self.line, self.resource = tag, attr, url, line, resource

    def __repr__(self):
        return "<%s %s=%r> (line %d)" % (self.tag, self.attr, self.url, self.line)


class Page(html.parser.HTMLParser):
    """A parsed page: refs, ids, inline scripts and styles, event-handler attributes, the CSP meta."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.refs = []
        self.ids = set()
        self.scripts = []        # (type, text, after_csp, line) for inline scripts
        self.script_types = set()  # the type of every <script>, inline or not ("" when absent)
        self.tags = set()        # every element name seen
        self.styles = []         # (text, line) for inline <style> elements
        self.style_attributes = []
        self.handlers = []       # (tag, attribute, line) for on*="..." attributes
        self.javascript_urls = []
        self.csp = []            # contents of <meta http-equiv="Content-Security-Policy">
        self._open = None        # ("script", type, line) or ("style", line) while inside one
        self._text = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        self.tags.add(tag)
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.ids.add(values[name])
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, line))
            if name == "style":
                self.style_attributes.append((tag, line))
            if value is None:
                continue
            if (tag, name) in URL_ATTRIBUTES:
                if value.strip().lower().startswith("javascript:"):
                    self.javascript_urls.append((tag, name, line))
                resource = tag in RESOURCE_TAGS and not (
                    tag == "link" and NAVIGATION_RELS & set((values.get("rel") or "").lower().split()))
                self.refs.append(Ref(tag, name, value.strip(), line, resource))
            elif (tag, name) in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append(Ref(tag, name, candidate.split()[0], line, True))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        if tag == "script":
            self.script_types.add((values.get("type") or "").lower())
        if tag == "script" and "src" not in values:
            self._open, self._text = ("script", (values.get("type") or "").lower(), bool(self.csp), line), []
        elif tag == "style":
            self._open, self._text = ("style", line), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._open[1], text, self._open[2], self._open[3]))
            else:
                self.styles.append((text, self._open[1]))
            self._open = None

    def executed_scripts(self):
        """Inline scripts the browser runs as JavaScript: (text, after the CSP meta, line)."""
        return [(text, after, line) for kind, text, after, line in self.scripts if kind in JS_TYPES]


def csp_directives(policy):
    """{'script-src': ["'self'", ...], ...} from a policy string."""
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def css_urls(text):
    """URLs in CSS: url(...) and @import "..."."""
    for match in CSS_URL.finditer(text):
        yield (match.group(2) or match.group(4) or "").strip()


def is_external(url):
    """True for a URL with a scheme and host (http, https, protocol-relative)."""
    parts = urllib.parse.urlsplit(url)
    return bool(parts.netloc) and parts.scheme in ("http", "https", "")


def is_special(url):
    """data:, mailto:, tel:, javascript:, webcal: and the like: not a file on our site."""
    scheme = urllib.parse.urlsplit(url).scheme
    return bool(scheme) and scheme not in ("http", "https")

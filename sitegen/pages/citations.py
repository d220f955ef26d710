"""How a page cites: a confidence mark and the publishers' names as links ("来源：233网校、环球网校").

Names come from data/publishers.yml (sitegen/data/publishers.py); a host name is never shown.
"""
import html

from .. import zh
from ..data.publishers import host

# Weakest first.
CONFIDENCE_ORDER = list(reversed(zh.CONFIDENCE))


def unique_sources(facts):
    """Every source of `facts` once, in order."""
    seen, out = set(), []
    for fact in facts:
        for source in fact["sources"]:
            if source["url"] not in seen:
                seen.add(source["url"])
                out.append(source)
    return out


def badge(level):
    return '<span class="conf conf-%s" title="%s">%s</span>' % (
        level, html.escape(zh.confidence_help(level)), zh.confidence(level))


def _link(source, label, name, aria=None):
    return '<a href="%s" title="%s" rel="nofollow noopener"%s>%s</a>' % (
        html.escape(source["url"]), html.escape(source.get("title", name)),
        ' aria-label="%s"' % html.escape(aria) if aria else "", html.escape(label))


def links(sources, publishers):
    """Each publisher once, by name, linking its first page; its further pages follow as small numbers
    ("优路教育²³"), so a long list stays quiet and a reader sees how many publishers there are."""
    pages = {}
    for source in sources:
        pages.setdefault(publishers.of(source["url"])["name"], []).append(source)
    out = []
    for name, (first, *more) in pages.items():
        extra = "".join(_link(source, str(k), name, "%s，第%d篇" % (name, k)) for k, source in enumerate(more, 2))
        out.append(_link(first, name, name) + ('<sup class="src-more">%s</sup>' % extra if extra else ""))
    return "、".join(out)


def official(url, text=None):
    """An official address for the reader to use (a fact's `entry`, checked to be an official site's): a
    plain link, labelled `text` or the host name that readers type and see in the address bar."""
    return '<a class="official-link" href="%s">%s</a>' % (html.escape(url), html.escape(text or host(url)))


def sources(fact, publishers):
    """Confidence mark plus linked publishers, for one sourced fact."""
    return '%s <span class="src">来源：%s</span>' % (badge(fact["confidence"]), links(fact["sources"], publishers))


def basis(name, documents, publishers):
    """A document as a page cites it: "人社厅发〔2021〕18号《标题》", its number linked to the official original
    where known, else followed by where it was read ("（转载：希赛网）"). Only a known title gets 书名号."""
    document = documents.get(name)
    label = official(document["url"], name) if document.get("url") else html.escape(name)
    text = label + ("《%s》" % html.escape(document["title"]) if document.get("title") else "")
    if not document.get("url"):
        text += "（转载：%s）" % links(document["sources"], publishers)
    return text


def sources_each(facts, publishers):
    """Several facts, each keeping its own mark (so a fact reads the same here as on its guide): the sources
    grouped by mark, the surest first ("官方 来源：…；单一来源 来源：…")."""
    parts = []
    for level in reversed(CONFIDENCE_ORDER):
        same = [fact for fact in facts if fact["confidence"] == level]
        if same:
            parts.append('%s <span class="src">来源：%s</span>' % (badge(level), links(unique_sources(same), publishers)))
    return "；".join(parts)

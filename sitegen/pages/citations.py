"""How a page cites: a confidence mark and the publishers' names as links ("来源：233网校、环球网校").

Names come from data/publishers.yml (sitegen/data/publishers.py); a host name is never shown. Two pages of
one publisher read "233网校、233网校（二）", so a reader sees at a glance how many publishers there are.
"""
import html

from .. import zh

ORDINALS = "二三四五六七八九"
# Weakest first: a statement resting on several facts is only as sure as the least sure of them.
CONFIDENCE_ORDER = list(reversed(zh.CONFIDENCE))


def weakest(facts):
    """The least sure confidence among sourced facts."""
    return min((f["confidence"] for f in facts), key=CONFIDENCE_ORDER.index)


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


def links(sources, publishers):
    seen = {}
    out = []
    for source in sources:
        name = publishers.of(source["url"])["name"]
        count = seen[name] = seen.get(name, 0) + 1
        label = name if count == 1 else "%s（%s）" % (name, ORDINALS[min(count, 9) - 2])
        out.append('<a href="%s" title="%s" rel="nofollow noopener">%s</a>' % (
            html.escape(source["url"]), html.escape(source.get("title", name)), html.escape(label)))
    return "、".join(out)


def sources(fact, publishers):
    """Confidence mark plus linked publishers, for one sourced fact."""
    return '%s <span class="src">来源：%s</span>' % (badge(fact["confidence"]), links(fact["sources"], publishers))


def sources_many(facts, publishers):
    """One mark for several facts (the least sure of them) and each source once."""
    return '%s <span class="src">来源：%s</span>' % (badge(weakest(facts)), links(unique_sources(facts), publishers))

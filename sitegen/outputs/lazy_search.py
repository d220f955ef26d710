"""Material's search loads its index only when the reader opens search, not on every page load.

Material 9.8 sends the search index (search_index.json, ~28 KB gzip) and the Chinese tokeniser (lunr
stemmer + lunr.zh) to its search worker as soon as any page starts, unless the site is opened from
file://, where it waits for the search toggle instead; `search.highlight` also subscribes to the
index on every page, though it needs it only for a page opened with `?h=` (from a search result).
That start-up download was a quarter of a guide page's bytes and competed with the calculator's
runtime. After the build, this rewrites two expressions in Material's bundle: search loads when it is
opened (a `?q=` link opens it), highlighting only when the URL has `?h=`. Material is pinned
(requirements.txt); if an upgrade changes either expression, the build stops here with a message
instead of silently loading the index eagerly again.
"""
import re

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
# Search: merge(of(location.protocol !== "file:"), watchToggle("search")).pipe(first(x => x), switchMap(() => index$))
#   -> watchToggle("search").pipe(...): the index when search opens. Group 3 is switchMap's minified name.
_SEARCH = re.compile(r'\w+\(\$\(location\.protocol!=="file:"\),(\w+\("search"\))\)(\.pipe\(\w+\(o=>o\),(\w+)\(\(\)=>t\)\))')
# Highlight: combineLatest([index$, location$.pipe(startWith(..), filter(has "h"))]).pipe(map(([o, n]) => ..
#   -> location$.pipe(startWith(..), filter(has "h"), switchMap(n => index$.pipe(map(o => [o, n])))).pipe(map(..
_HIGHLIGHT = re.compile(r'\w+\(\[t,r\.pipe\((\w+\(\w+\(\)\),\w+\(o=>!!o\.searchParams\.get\("h"\)\))\)\]\)\.pipe\((\w+)\(\(\[o,n\]\)=>')


class LazySearchError(Exception):
    pass


def patch(site_dir):
    """Rewrite the bundle in `site_dir`; returns its path."""
    bundles = sorted(site_dir.glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        raise LazySearchError("没有找到唯一的 Material 脚本 %s（找到 %d 个）。" % (BUNDLE_GLOB, len(bundles)))
    text = bundles[0].read_text("utf-8")
    search = _SEARCH.findall(text)
    highlight = _HIGHLIGHT.findall(text)
    if len(search) != 1 or len(highlight) != 1:
        raise LazySearchError("Material 的搜索启动代码变了（%s 里搜索 %d 处、高亮 %d 处，应各为 1 处）：升级 Material "
                              "后请检查 sitegen/outputs/lazy_search.py。" % (bundles[0].name, len(search), len(highlight)))
    switch_map = search[0][2]
    patched = _SEARCH.sub(r"\1\2", text)
    patched = _HIGHLIGHT.sub(lambda m: "r.pipe(%s,%s(n=>t.pipe(%s(o=>[o,n])))).pipe(%s(([o,n])=>"
                             % (m.group(1), switch_map, m.group(2), m.group(2)), patched)
    bundles[0].write_text(patched, "utf-8")
    return bundles[0]

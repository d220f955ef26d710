"""mkdocs-macros entry point: validated data and small presentation helpers for the page templates.

Pages are Jinja2 templates rendered with StrictUndefined (mkdocs.yml: on_undefined: strict),
so a misspelt name stops the build instead of printing a blank.
"""
import html
import pathlib
import urllib.parse

from mkdocs.exceptions import PluginError

from . import calculator_page, cycle, news, outputs, vendor, zh
from .data import DataError, load


def _badge(level):
    return '<span class="conf conf-%s" title="%s">%s</span>' % (
        level, html.escape(zh.confidence_help(level)), zh.confidence(level))


def _host(url):
    return urllib.parse.urlsplit(url).hostname.removeprefix("www.").removeprefix("m.")


def _links(sources):
    return "、".join('<a href="%s" title="%s" rel="nofollow noopener">%s</a>' % (
        html.escape(s["url"]), html.escape(s.get("title", s["url"])), html.escape(_host(s["url"])))
        for s in sources)


def _sources(fact):
    """Confidence mark plus linked source hosts, for one sourced fact."""
    return '%s <span class="src">来源：%s</span>' % (_badge(fact["confidence"]), _links(fact["sources"]))


def define_env(env):
    try:
        data = load()
    except DataError as err:
        raise PluginError("data/ 检查未通过：\n" + "\n".join(err.messages)) from None
    rules, years = data["rules"], data["years"]
    today = cycle.build_day()
    env.variables.update(dict(
        data=data,
        rules=rules,
        years=years,
        new_years=[y for y in years if y["system"] == "new"],
        year_by_number={y["year"]: y for y in years},
        subject_name={s["id"]: s["name"] for s in rules["subjects"]},
        build_day=today.isoformat(),
        current=cycle.stage(years, today),
        news_items=news.items(data, today),
        last_checked=max([rules["checked"]] + [y["checked"] for y in years]),
    ))
    env.filters.update(dict(
        zh_date=zh.date,
        zh_days=zh.days,
        release=cycle.release_text,
        confidence_help=zh.confidence_help,
    ))
    env.macro(_badge, "badge")
    env.macro(_sources, "sources")
    env.macro(_links, "links")
    # The calculator page (docs/calculator/index.md); everything it needs is computed by sitegen.calculator_page.
    env.macro(lambda: calculator_page.head(env.page), "calculator_head")
    env.macro(lambda: calculator_page.app(env.page, data, today.isoformat()), "calculator_app")
    env.macro(lambda: calculator_page.validity_tables(data, today.isoformat()), "validity_tables")


def on_post_build(env):
    outputs.write(pathlib.Path(env.conf["site_dir"]), env.variables["data"], env.variables["news_items"],
                  env.conf["site_url"])
    try:  # PyScript, MicroPython and the calculator package, served from the site itself
        vendor.copy(env.conf["site_dir"])
    except vendor.VendorError as err:
        raise PluginError(str(err)) from None


def on_post_page_macros(env):
    """Every page ends with when its data was last checked, an edit link and a pre-filled mistake report."""
    page, extra = env.page, env.conf["extra"]
    edit = "%s/edit/%s/docs/%s" % (extra["repo"], extra["branch"], page.file.src_uri)
    report = "%s/issues/new?%s" % (extra["repo"], urllib.parse.urlencode(
        {"template": "mistake.yml", "title": "纠错：%s" % page.title, "page": page.canonical_url or page.url}))
    env.markdown += (
        '\n\n<p class="page-meta">本页数据最后核对于 %s · <a href="%s" rel="nofollow">在 GitHub 上修改本页</a>'
        ' · <a href="%s" rel="nofollow">报告错误</a></p>\n'
        % (zh.date(env.variables["last_checked"]), html.escape(edit), html.escape(report)))

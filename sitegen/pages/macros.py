"""mkdocs-macros entry point: validated data and small presentation helpers for the page templates.

Pages are Jinja2 templates rendered with StrictUndefined (mkdocs.yml: on_undefined: strict),
so a misspelt name stops the build instead of printing a blank.
"""
import html
import pathlib
import posixpath
import urllib.parse

from mkdocs.exceptions import PluginError

from .. import cycle, news, zh
from ..data import DataError, engine_data, latest_with, load
from ..outputs import lazy_search, service_worker, vendor, write
from . import calculator_page, citations, guides, regions


def _checked_dates(data):
    """When each part of data/ was last checked: {"rules": day, "years": day, "guides.review": day, ...}."""
    dates = {"rules": data["rules"]["checked"], "years": max(y["checked"] for y in data["years"]),
             "provinces": max(r["checked"] for r in data["provinces"]), "faq": data["faq"]["checked"]}
    dates.update({"guides." + key: topic["checked"] for key, topic in data["guides"].items()})
    dates["regions"] = data["regions"]["checked"]
    return dates


def define_env(env):
    try:
        data = load()
    except DataError as err:
        raise PluginError("data/ 检查未通过：\n" + "\n".join(err.messages)) from None
    rules, years = data["rules"], data["years"]
    today = cycle.build_day()
    current = cycle.stage(years, today)
    checked_dates = _checked_dates(data)
    env.conf["extra"]["calculator_preload"] = vendor.PRELOAD  # for overrides/main.html
    env.variables.update(dict(
        data=data,
        rules=rules,
        years=years,
        new_years=[y for y in years if y["system"] == "new"],
        year_by_number={y["year"]: y for y in years},
        subject_name={s["id"]: s["name"] for s in rules["subjects"]},
        build_day=today.isoformat(),
        current=current,
        news_items=news.items(data, today),
        checked_dates=checked_dates,
        last_checked=max(checked_dates.values()),
        # Guide pages (docs/guides/, faq.md, rules.md, timeline.md, index.md).
        guides=data["guides"],
        provinces=data["provinces"],
        faq=data["faq"],
        province_names=guides.province_names(),
        latest_release=latest_with(years, "score_release"),
        outlook=guides.outlook(data, today),
        phase=guides.phase(data, current, today),
        ecert=regions.ecert_expected(data, current["year"]),
        region_statuses=regions.statuses_attr(data, current["year"]),
    ))
    env.filters.update(dict(
        zh_date=zh.date,
        zh_days=zh.days,
        release=cycle.release_text,
        confidence_help=zh.confidence_help,
        zh_span=lambda pair, with_year=True: zh.span(pair[0], pair[1], with_year),
    ))
    publishers = data["publishers"]
    env.macro(citations.badge, "badge")
    env.macro(citations.official, "official")
    env.macro(lambda fact: citations.sources(fact, publishers), "sources")
    env.macro(lambda sources: citations.links(sources, publishers), "links")
    env.macro(lambda name: citations.basis(name, data["documents"], publishers), "document_cited")
    # The calculator page (docs/calculator/index.md); everything it needs is computed by sitegen.calculator_page.
    env.macro(lambda: calculator_page.head(env.page), "calculator_head")
    env.macro(lambda: calculator_page.form(data, today.isoformat()), "calculator_form")
    env.macro(lambda: calculator_page.validity_rows(data, today.isoformat()), "validity_rows")
    # Guide pages: computed values come from sitegen.guides (and through it, the calculator package).
    env.macro(lambda facts: citations.sources_each(facts, publishers), "sources_each")
    env.macro(lambda level, passes, at, extension=None: guides.window_example(data, level, passes, at, extension),
              "window_example")
    env.macro(lambda query="": posixpath.relpath("calculator/index.md", posixpath.dirname(env.page.file.src_uri) or ".")
              + query, "calc_link")
    env.macro(lambda part: guides.province_rows(data, part), "province_rows")
    env.macro(lambda part, year: guides.provinces_without(data, part, year), "provinces_without")
    env.macro(lambda year: cycle.review_until(year, data["guides"]["review"]["national"]), "review_until")
    # Region pages: docs/provinces/SLUG.md calls region_page("SLUG"); one template renders all 32.
    def region_page(slug):
        view = regions.view(data, slug, current["year"])
        # The stub has no title of its own: name the page from data (the footer's report link and og: tags read these).
        env.page.meta.update(regions.page_meta(view["region"]))
        return env.env.from_string(regions.template_text()).render(**env.variables, modes=regions.MODES, v=view)

    env.macro(region_page)
    env.macro(lambda: regions.index_rows(data, current["year"]), "region_rows")
    # An FAQ answer is a small template itself, so its numbers come from data/ too.
    env.macro(lambda entry: env.env.from_string(entry["a"]).render(**env.variables), "faq_answer")


def on_post_build(env):
    write.write(pathlib.Path(env.conf["site_dir"]), env.variables["data"], env.variables["news_items"],
                  env.conf["site_url"])
    try:  # MicroPython and the calculator's Python, served from the site itself
        vendor.copy(env.conf["site_dir"], engine_data(env.variables["data"]))
        lazy_search.patch(pathlib.Path(env.conf["site_dir"]))
        service_worker.write(pathlib.Path(env.conf["site_dir"]), env.conf["site_url"])  # last: it hashes the rest
    except (vendor.VendorError, lazy_search.LazySearchError, service_worker.ServiceWorkerError) as err:
        raise PluginError(str(err)) from None


def on_post_page_macros(env):
    """Every page ends with when its data was last checked, an edit link and a pre-filled mistake report."""
    page, extra = env.page, env.conf["extra"]
    # A page names the parts of data/ it shows in its front matter (`data: [guides.review, provinces]`);
    # its footer then gives when those were last checked, otherwise when anything was.
    dates = env.variables["checked_dates"]
    unknown = [key for key in page.meta.get("data", []) if key not in dates]
    if unknown:
        raise PluginError("%s 的 data: 里有不认识的名字 %s；可用的有：%s"
                          % (page.file.src_uri, "、".join(unknown), "、".join(sorted(dates))))
    checked = max(dates[key] for key in page.meta["data"]) if page.meta.get("data") else env.variables["last_checked"]
    edit = "%s/edit/%s/docs/%s" % (extra["repo"], extra["branch"], page.file.src_uri)
    report = "%s/issues/new?%s" % (extra["repo"], urllib.parse.urlencode(
        {"template": "mistake.yml", "title": "纠错：%s" % page.title, "page": page.canonical_url or page.url}))
    env.markdown += (
        '\n\n<p class="page-meta">本页数据最后核对于 %s · 生成于 %s · <a href="%s" rel="nofollow">在 GitHub 上修改本页</a>'
        ' · <a href="%s" rel="nofollow">报告错误</a></p>\n'
        % (zh.date(checked), zh.date(env.variables["build_day"]), html.escape(edit), html.escape(report)))

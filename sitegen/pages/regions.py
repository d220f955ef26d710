"""The exam regions' pages (docs/provinces/): what a region's page shows, computed from data/.

Each docs/provinces/SLUG.md is a stub that calls region_page("SLUG"); the page itself is one template,
sitegen/pages/templates/region.md, rendered with the site's variables plus the view built here.
"""
import datetime
import html
import json
import pathlib

from ..data.checks import EVERY_REGION_FROM
from .. import cycle
from . import citations, guides

TEMPLATE = pathlib.Path(__file__).resolve().parent / "templates" / "region.md"
PARTS = ("registration", "review", "post_exam_check", "certificate")
MODES = {"offline": "线下或现场", "online": "网上", "both": "网上和现场", "before-exam-only": "只查到报名时的核查",
         "unknown": "没写明方式"}


def by_slug(data, slug):
    region = next((r for r in data["regions"]["regions"] if r["slug"] == slug), None)
    if region is None:
        raise KeyError("data/regions.yml 里没有 slug “%s”；docs/provinces/ 里的页面文件名要和 slug 相同。" % slug)
    return region


def entries(data, name):
    """{year: this region's entry} for every province file that has it."""
    return {record["year"]: e for record in data["provinces"] for e in record["provinces"] if e["province"] == name}


def ecert_expected(data, year):
    """When e-certificates of exam year `year` may be downloaded, from the years where it is known:
    {"within_days", "by" (ISO day, or None while the release day is not exact), "basis": [facts]} or None."""
    known = data["guides"]["certificate"]["electronic"]["after_release"]
    if not known:
        return None
    days = max(f["within_days"] for f in known)
    release = next(y for y in data["years"] if y["year"] == year)["score_release"]
    exact = release and release["date"] and release["confidence"] != "expected"
    by = (datetime.date.fromisoformat(release["date"]) + datetime.timedelta(days=days)).isoformat() if exact else None
    return {"within_days": days, "by": by, "basis": known, "sources": citations.unique_sources(known)}


def check_status(entry):
    """The 考后审核 status of one region in one year, in a few words, for the home page and the index."""
    check = entry["post_exam_check"] if entry else None
    if check is None:
        return "还没有公告"
    if check["stages"]:
        return "已公布：%s" % MODES[check["mode"]]
    return "有记录：%s" % MODES[check["mode"]]


def view(data, slug, year):
    """Everything a region's page shows for exam year `year` (the current cycle) and the years before it."""
    region = by_slug(data, slug)
    found = entries(data, region["name"])
    current = found.get(year)
    earlier = [(y, found[y]) for y in sorted(found, reverse=True) if y < year and any(found[y][p] for p in PARTS)]
    record = next((y for y in data["years"] if y["year"] == year), None)
    return {
        "region": region,
        "year": year,
        "entry": current,
        # Before EVERY_REGION_FROM a region missing from its year's file simply had nothing recorded.
        "listed": current is not None or year < EVERY_REGION_FROM,
        "unknown": current["unknown"] if current else [],
        "earlier": earlier,
        "checked_before": [(y, e) for y, e in earlier if e["post_exam_check"]],
        "review_until": cycle.review_until(record, data["guides"]["review"]["national"]) if record else None,
        "ecert": ecert_expected(data, year),
    }


def index_rows(data, year):
    """[(region, status words for `year`, the newest earlier 考后审核 record as words or None)], in the schema's order."""
    rows = []
    for region in data["regions"]["regions"]:
        found = entries(data, region["name"])
        before = [y for y in sorted(found, reverse=True) if y < year and found[y]["post_exam_check"]]
        earlier = "%d年度：%s" % (before[0], MODES[found[before[0]]["post_exam_check"]["mode"]]) if before else None
        rows.append((region, check_status(found.get(year)), earlier))
    return rows


def statuses_attr(data, year):
    """{slug: 考后审核 status} as an escaped JSON attribute value, for region.js on the home page."""
    statuses = {region["slug"]: status for region, status, _ in index_rows(data, year)}
    return html.escape(json.dumps(statuses, ensure_ascii=False, separators=(",", ":")))


def page_meta(region):
    """Title and description from data; the 32 near-identical pages stay out of search, where they would bury the
    guides (the index page, which names every region, is searchable) and add ~8 KiB gzip to every page's index."""
    return {"search": {"exclude": True}, "title": "%s：考后安排" % region["full_name"],
            "description": "%s中级注册安全工程师考后安排：人事考试网站、报名、成绩复核、考后审核、证书，每条都有出处；附可订阅的日历。"
                           % region["full_name"]}


def template_text():
    return TEMPLATE.read_text("utf-8")

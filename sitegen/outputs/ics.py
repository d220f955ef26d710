"""calendar.ics and provinces/SLUG.ics: exam days, score releases, the review deadline and, per region,
its own registration, review, 考后审核 and certificate dates from data/provinces/, as all-day events.

Builds are reproducible: UIDs come from year + event id (+ region slug), DTSTAMP from the `checked` date
of the file the event comes from, so two builds of the same data give identical bytes and a changed date
changes one event only.
"""
import datetime

import icalendar

from .. import cycle, zh

UID_DOMAIN = "zhuan-kaohou"


def _day(text):
    return datetime.date.fromisoformat(text)


def _event(uid, checked, summary, first, last, fact, url):
    """One all-day event from `first` to `last` inclusive (DTEND is exclusive in iCalendar)."""
    expected = fact["confidence"] == "expected"
    event = icalendar.Event()
    event.add("uid", "%s@%s" % (uid, UID_DOMAIN))
    event.add("dtstamp", datetime.datetime.combine(_day(checked), datetime.time(), datetime.timezone.utc))
    event.add("summary", ("预计" if expected else "") + summary)
    event.add("dtstart", _day(first))
    event.add("dtend", _day(last) + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", "TENTATIVE" if expected else "CONFIRMED")
    lines = ["可信程度：%s（%s）" % (zh.confidence(fact["confidence"]), zh.confidence_help(fact["confidence"]))]
    lines += ["来源：" + s["url"] for s in fact["sources"]]
    lines.append("详情：" + url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    return event


def national_events(data, site_url):
    timeline = site_url.rstrip("/") + "/timeline/"
    review = data["guides"]["review"]["national"]
    for year in data["years"]:
        if year["system"] != "new":
            continue
        exam, release, number, checked = year["exam"], year["score_release"], year["year"], year["checked"]
        if exam:
            yield _event("%d-exam" % number, checked, "%d年中级注册安全工程师考试" % number,
                         exam["days"][0], exam["days"][-1], exam, timeline)
        if release:
            first, last = (release["date"], release["date"]) if release["date"] else release["between"]
            title = "%d年注安考试成绩公布" % number
            if release["time"]:
                title += "（%s）" % release["time"]
            elif release["between"]:
                title += "（%s内）" % cycle.release_text(release, with_year=False)
            yield _event("%d-score-release" % number, checked, title, first, last, release, timeline)
        # Counted from an exact release only; a province's own notice may give another day, hence "expected".
        until = cycle.review_until(year, review)
        if until:
            fact = {"confidence": "expected", "sources": review["sources"] + release["sources"]}
            yield _event("%d-review-deadline" % number, checked,
                         "%d年成绩复核申请截止（按成绩公布后%d天推算，以本省通知为准）" % (number, review["days"]),
                         until, until, fact, site_url.rstrip("/") + "/guides/score-review/")


def region_events(data, region, site_url):
    """The region's own dates, from every data/provinces/YYYY.yml entry that names it."""
    page, name, slug = site_url.rstrip("/") + "/provinces/%s/" % region["slug"], region["name"], region["slug"]
    for record in data["provinces"]:
        number = record["year"]
        entry = next((e for e in record["provinces"] if e["province"] == name), None)
        if entry is None:
            continue
        uid = "%d-%s-%%s" % (number, slug)
        if entry["registration"]:
            g = entry["registration"]
            yield _event(uid % "registration", record["checked"], "%s%d年注安报名" % (name, number), *g["between"], g, page)
        if entry["review"] and entry["review"]["between"]:
            g = entry["review"]
            yield _event(uid % "review", record["checked"], "%s%d年成绩复核申请" % (name, number), *g["between"], g, page)
        for i, stage in enumerate(entry["post_exam_check"]["stages"] if entry["post_exam_check"] else []):
            yield _event(uid % "check-%d" % (i + 1), record["checked"], "%s%d年度考后审核：%s（%s）"
                         % (name, number, stage["name"], stage["by"]), *stage["between"], entry["post_exam_check"], page)
        if entry["certificate"] and entry["certificate"]["from"]:
            g = entry["certificate"]
            yield _event(uid % "certificate", record["checked"], "%s%d年度证书开始发放" % (name, number),
                         g["from"], g["from"], g, page)


def _calendar(name, events):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//注安考后指南//calendar//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add("x-published-ttl", "P1D")
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def calendar_bytes(data, site_url):
    return _calendar("注安考试与出分日期", national_events(data, site_url))


def region_calendar_bytes(data, region, site_url):
    return _calendar("注安考后日期 · %s" % region["name"],
                     [*national_events(data, site_url), *region_events(data, region, site_url)])

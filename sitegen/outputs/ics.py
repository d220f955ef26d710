"""calendar.ics: every exam day and score release from data/, as all-day events.

Builds are reproducible: UIDs come from year + event id, DTSTAMP from the year's `checked` date,
so two builds of the same data give identical bytes and a changed date changes one event only.
"""
import datetime

import icalendar

from .. import cycle, zh

UID_DOMAIN = "zhuan-kaohou"


def _day(text):
    return datetime.date.fromisoformat(text)


def _event(year, event_id, summary, first, last, fact, url):
    """One all-day event from `first` to `last` inclusive (DTEND is exclusive in iCalendar)."""
    expected = fact["confidence"] == "expected"
    event = icalendar.Event()
    event.add("uid", "%d-%s@%s" % (year["year"], event_id, UID_DOMAIN))
    event.add("dtstamp", datetime.datetime.combine(_day(year["checked"]), datetime.time(), datetime.timezone.utc))
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


def events(data, site_url):
    timeline = site_url.rstrip("/") + "/timeline/"
    for year in data["years"]:
        if year["system"] != "new":
            continue
        exam, release = year["exam"], year["score_release"]
        if exam:
            yield _event(year, "exam", "%d年中级注册安全工程师考试" % year["year"],
                         exam["days"][0], exam["days"][-1], exam, timeline)
        if release:
            first, last = (release["date"], release["date"]) if release["date"] else release["between"]
            title = "%d年注安考试成绩公布" % year["year"]
            if release["time"]:
                title += "（%s）" % release["time"]
            elif release["between"]:
                title += "（%s内）" % cycle.release_text(release, with_year=False)
            yield _event(year, "score-release", title, first, last, release, timeline)


def calendar_bytes(data, site_url):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//注安考后指南//calendar//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "注安考试与出分日期")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add("x-published-ttl", "P1D")
    for event in events(data, site_url):
        cal.add_component(event)
    return cal.to_ical()

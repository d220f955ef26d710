"""News items and their Atom feed. Items follow from the exam years, so recording a score release in
data/years/YYYY.yml is enough to announce it on the news page and in the feed."""
import datetime
import xml.etree.ElementTree as ET

from . import cycle, zh

ATOM = "http://www.w3.org/2005/Atom"


def items(data, today):
    """Newest first: exams held and scores published up to `today` (future events are not news).
    `page` is the docs/ source of the page that tells more."""
    found = []
    review_days = data["guides"]["review"]["national"]["days"]
    for year in data["years"]:
        exam, release = year["exam"], year["score_release"]
        if exam and datetime.date.fromisoformat(exam["days"][-1]) < today:
            found.append({
                "id": "%d-exam-held" % year["year"], "date": exam["days"][-1], "page": "timeline.md",
                "title": "%d年考试已于%s举行" % (year["year"], zh.days(exam["days"], with_year=False)),
                "summary": "成绩公布前可以先用计算器看看已通过科目的有效期。" if not (release and release["date"])
                else "考试日期见历年时间线。",
                "fact": exam})
        if release and release["date"] and datetime.date.fromisoformat(release["date"]) <= today:
            found.append({
                "id": "%d-scores-out" % year["year"], "date": release["date"], "page": "guides/score-query.md",
                "title": "%d年成绩已公布" % year["year"],
                "summary": "成绩于%s公布。对分数有疑问的，在公布后%d天内向本省人事考试机构申请复核。"
                % (cycle.release_text(release), review_days),
                "fact": release})
    return sorted(found, key=lambda item: (item["date"], item["id"]), reverse=True)


def atom(entries, site_url, title="注安考后指南 · 动态"):
    """An Atom 1.0 document (bytes); ids and timestamps come from data, so builds are reproducible."""
    ET.register_namespace("", ATOM)
    feed = ET.Element("{%s}feed" % ATOM, {"xml:lang": "zh-CN"})

    def child(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, "{%s}%s" % (ATOM, tag), attrs)
        node.text = text
        return node

    child(feed, "title", title)
    child(feed, "id", site_url + "news/")
    child(feed, "link", href=site_url + "news/")
    child(feed, "link", rel="self", href=site_url + "feed.xml")
    child(feed, "updated", (entries[0]["date"] if entries else "2019-01-01") + "T00:00:00+08:00")
    author = child(feed, "author")
    child(author, "name", "注安考后指南")
    for entry in entries:
        node = child(feed, "entry")
        child(node, "title", entry["title"])
        child(node, "id", "%snews/#%s" % (site_url, entry["id"]))
        child(node, "link", href=site_url + entry["page"].removesuffix(".md") + "/")
        child(node, "updated", entry["date"] + "T00:00:00+08:00")
        child(node, "summary", entry["summary"])
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")

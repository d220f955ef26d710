"""Files written next to the pages after each build: calendar, JSON data, news feed and robots.txt."""
from . import exports, ics, news


def write(site_dir, data, news_items, site_url):
    site_url = site_url.rstrip("/") + "/"
    files = {
        "calendar.ics": ics.calendar_bytes(data, site_url),
        "exams.json": exports.exams_json(data).encode("utf-8"),
        "exams.schema.json": exports.exams_schema().encode("utf-8"),
        "feed.xml": news.atom(news_items, site_url),
        "robots.txt": ("User-agent: *\nAllow: /\nSitemap: %ssitemap.xml\n" % site_url).encode("utf-8"),
    }
    for name, content in files.items():
        (site_dir / name).write_bytes(content)

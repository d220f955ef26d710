"""The news page's Atom feed (sitegen/news.py gives the items)."""
import xml.etree.ElementTree as ET

from ..cycle import china_midnight

ATOM = "http://www.w3.org/2005/Atom"


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
    child(feed, "updated", china_midnight(entries[0]["date"] if entries else "2019-01-01"))
    author = child(feed, "author")
    child(author, "name", "注安考后指南")
    for entry in entries:
        node = child(feed, "entry")
        child(node, "title", entry["title"])
        child(node, "id", "%snews/#%s" % (site_url, entry["id"]))
        child(node, "link", href=site_url + entry["page"].removesuffix(".md") + "/")
        child(node, "updated", china_midnight(entry["date"]))
        child(node, "summary", entry["summary"])
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")

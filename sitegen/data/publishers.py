"""Who published each source: data/publishers.yml, matched by the longest registered domain.

A page shows the publisher's name, never a host name, and data/ may cite only registered publishers
and never a denied (junk) domain.
"""
import urllib.parse


def host(url):
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def _suffixes(name):
    """"m.news.233.com" -> "m.news.233.com", "news.233.com", "233.com", "com": longest first."""
    parts = name.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


class Publishers:
    def __init__(self, doc):
        self.by_domain = {domain: p for p in doc["publishers"] for domain in p["domains"]}
        self.denied = {entry["domain"]: entry["why"] for entry in doc["denied"]}

    def names(self):
        return sorted({p["name"] for p in self.by_domain.values()})

    def _match(self, url, table):
        return next((suffix for suffix in _suffixes(host(url)) if suffix in table), None)

    def of(self, url):
        """The registered publisher ({"name", "kind", "domains"}) of a URL, or None."""
        domain = self._match(url, self.by_domain)
        return self.by_domain[domain] if domain else None

    def denied_domain(self, url):
        return self._match(url, self.denied)

    def problem(self, url):
        """Why `url` may not be cited, in words an editor can act on, or None."""
        denied = self.denied_domain(url)
        if denied:
            return "%s 是垃圾网站（%s），不能作为来源：请换成官方通知或正规考试网站的页面。" % (denied, self.denied[denied])
        if self.of(url) is None:
            return ("%s 不属于任何已登记的发布者：请在 data/publishers.yml 里登记它（中文名、类别、域名），"
                    "或换成已登记发布者的页面。" % host(url))
        return None


def check_registry(doc):
    """[(path, message)] for data/publishers.yml after its schema passed: each domain once."""
    found, seen = [], {}
    for i, publisher in enumerate(doc["publishers"]):
        for j, domain in enumerate(publisher["domains"]):
            if domain in seen:
                found.append((("publishers", i, "domains", j), "%s 已经登记给 %s；一个域名只能属于一个发布者。"
                              % (domain, seen[domain])))
            seen.setdefault(domain, publisher["name"])
    for i, entry in enumerate(doc["denied"]):
        if entry["domain"] in seen:
            found.append((("denied", i, "domain"), "%s 同时登记为发布者 %s；垃圾网站不能再当作发布者。"
                          % (entry["domain"], seen[entry["domain"]])))
    return found


def _mark_problem(fact, publishers, today):
    """Why a fact's confidence mark is more than its sources support, or None (sources already checked)."""
    names = {publishers.of(s["url"])["name"] for s in fact["sources"]}
    level = fact["confidence"]
    if level == "consistent" and len(names) < 2:
        return ("标为 consistent（多方一致）要有至少两个不同发布者的来源，这里只有%s：请补一个其他发布者的来源，"
                "或改为 single-source。" % "、".join(sorted(names)))
    if level == "official" and not (fact.get("document") or fact.get("number")) and not any(
            s.get("document") or publishers.of(s["url"])["kind"] == "official" for s in fact["sources"]):
        return ("标为 official（官方）要有官方网站的来源，或在来源里用 document 写明它原文照录的通知文号："
                "请补官方来源，或按来源改标。")
    if level == "expected":
        days = [d for d in (fact.get("date"), *(fact.get("between") or []), *(fact.get("days") or [])) if d]
        if days and max(days) < today:
            return "%s 已经过去，不能再标为 expected（预计）：请填上实际情况和来源。" % max(days)
    return None


# Where a wrong claim was seen (misinformation.yml): kept for maintainers, never linked, often a junk site.
NOT_LINKED = {"seen_at"}


def address_problem(field, url, publishers):
    """Why `url`, in `field` outside any `sources` list, may not be there, or None. Such an address is one
    that pages link for readers to use (an `entry`, a document's original, a registration system's
    pages), so it must be an official site's."""
    message = publishers.problem(url)
    if message:
        return message
    publisher = publishers.of(url)
    if publisher["kind"] != "official":
        return ("%s 是给读者直接使用的官方入口，只能是官方网站的地址；%s 属于%s（类别 %s）。"
                "请换成官方网站的地址，其他网站的页面写进 sources。" % (field, host(url), publisher["name"], publisher["kind"]))
    return None


def check_sources(doc, publishers, today):
    """[(path, message)] for every source URL in a data document (any `sources` list, at any depth), every
    other address (one pages link for readers: address_problem) that is not an official site's, and every
    confidence mark its sources do not support; `today` is an ISO day (a past day is never expected)."""
    found = []

    def walk(value, path):
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        if isinstance(value, str) and value.startswith(("http://", "https://")) and field not in NOT_LINKED:
            message = address_problem(field, value, publishers)
            if message:
                found.append((path, message))
        if isinstance(value, dict):
            bad = False
            for i, source in enumerate(value.get("sources") or []):
                message = isinstance(source, dict) and publishers.problem(source.get("url", ""))
                if message:
                    bad = True
                    found.append((path + ("sources", i, "url"), message))
            if "confidence" in value and value.get("sources") and not bad:
                message = _mark_problem(value, publishers, today)
                if message:
                    found.append((path + ("confidence",), message))
            for key, item in value.items():
                if key != "sources":
                    walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))

    walk(doc, ())
    return found

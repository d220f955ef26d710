"""Chinese wording for dates and confidence levels, shared by pages, calendar and feeds."""
import datetime

# Strongest first; the schema's enum (common.schema.json) lists the same four.
CONFIDENCE = {
    "official": ("官方", "来自官方网站，或页面原文照录了带文号的官方通知"),
    "consistent": ("多方一致", "两个以上不同发布者的说法一致"),
    "single-source": ("单一来源", "只找到一个来源，可能有误"),
    "expected": ("预计", "尚未发生，按往年规律推测"),
}


def _d(text):
    return datetime.date.fromisoformat(text)


def date(text, with_year=True):
    """"2025-12-26" -> "2025年12月26日" (or "12月26日")."""
    d = _d(text)
    return (("%d年" % d.year) if with_year else "") + "%d月%d日" % (d.month, d.day)


def days(texts, with_year=True):
    """Consecutive exam days -> "2025年10月25–26日"; other lists are joined with 、."""
    ds = [_d(t) for t in texts]
    head = ("%d年" % ds[0].year) if with_year else ""
    if len(ds) > 1 and ds[-1].month == ds[0].month and (ds[-1] - ds[0]).days == len(ds) - 1:
        return "%s%d月%d–%d日" % (head, ds[0].month, ds[0].day, ds[-1].day)
    return head + "、".join("%d月%d日" % (d.month, d.day) for d in ds)


def span(first, last, with_year=True):
    """A range of days in words: a third of a month reads "12月下旬", anything else "12月21日至31日"."""
    a, b = _d(first), _d(last)
    if a == b:
        return date(first, with_year)
    head = ("%d年" % a.year) if with_year else ""
    if a.year == b.year and a.month == b.month:
        month_end = ((b.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)).day
        thirds = {(1, 10): "上旬", (11, 20): "中旬", (21, month_end): "下旬"}
        if (a.day, b.day) in thirds:
            return "%s%d月%s" % (head, a.month, thirds[(a.day, b.day)])
        return "%s%d月%d日至%d日" % (head, a.month, a.day, b.day)
    return "%s至%s" % (date(first, with_year), date(last, a.year != b.year))


def confidence(level):
    return CONFIDENCE[level][0]


def confidence_help(level):
    return CONFIDENCE[level][1]

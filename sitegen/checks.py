"""Checks that JSON Schema cannot express: real dates, order of events, years that fit together."""
import datetime
import re

from .problems import Problem

DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_date(text):
    """A `datetime.date`, or None when the text is not a real calendar day."""
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def date_problem(text):
    """Why a YYYY-MM-DD string is not a real day, in words an editor can act on."""
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return '%s 不是真实的日期：月份 %02d 应在 01 到 12 之间。' % (text, month)
    return '%s 不是真实的日期：%d年%d月没有第 %d 天。' % (text, year, month, day)


def _walk(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,))
    else:
        yield path, value


def check_dates(doc):
    """Every YYYY-MM-DD-looking string in a document must be a real day: [(path, message)]."""
    return [(path, date_problem(value)) for path, value in _walk(doc)
            if isinstance(value, str) and DATE_RE.match(value) and parse_date(value) is None]


def check_year(doc, stem, first_new_system_year):
    """[(path, message)] for one data/years/YYYY.yml that already passed its schema."""
    found = []
    if stem != str(doc["year"]):
        found.append((("year",), "文件名是 %s.yml，但 year 写的是 %s；两者必须相同。" % (stem, doc["year"])))
    expected_system = "old" if doc["year"] < first_new_system_year else "new"
    if doc["system"] != expected_system:
        found.append((("system",), "%d 年应为 %s（%d 年起为新制度）。" % (doc["year"], expected_system, first_new_system_year)))
    exam = doc.get("exam")
    days = [parse_date(d) for d in exam["days"]] if exam else []
    if None in days:
        return found  # bad dates are reported by check_dates; ordering checks would only echo them
    if days and sorted(set(days)) != days:
        found.append((("exam", "days"), "考试日期要按先后顺序写，且不能重复。"))
    if days and days[0].year != doc["year"]:
        found.append((("exam", "days", 0), "%s 不在 %d 年内；考试日期必须属于本年度。" % (days[0], doc["year"])))
    release = doc.get("score_release")
    if release:
        found.extend(_check_release(release, days))
    if not exam and not doc["unknown"]:
        found.append((("unknown",), "本年度没有写考试日期，请在 unknown 里写明还不知道什么。"))
    return found


def _check_release(release, days):
    found = []
    if "between" in release:
        first, last = (parse_date(d) for d in release["between"])
        if first is None or last is None:
            return found
        if first > last:
            found.append((("score_release", "between"), "between 的第一个日期（最早）不能晚于第二个日期（最晚）。"))
        path, earliest = ("score_release", "between", 0), first
    else:
        earliest = parse_date(release["date"])
        path = ("score_release", "date")
        if earliest is None:
            return found
        for i, conflict in enumerate(release.get("conflicts", [])):
            if conflict["value"] == release["date"]:
                found.append((("score_release", "conflicts", i, "value"), "与采用的 date 相同；conflicts 只写被否定的其他说法。"))
    if days and earliest <= days[-1]:
        found.append((path, "成绩公布日期 %s 不能早于或等于考试最后一天 %s。" % (earliest, days[-1])))
    return found


def check_collection(years, rules, rules_file):
    """Problems across files: contiguous years, carry-over and extension years that exist."""
    found = []
    numbers = sorted(years)
    for a, b in zip(numbers, numbers[1:]):
        if b != a + 1:
            found.append(Problem(years[b]["file"], years[b]["line"](("year",)), "year", "缺少 %d 到 %d 之间的年度文件；年度必须连续。" % (a, b)))
    carry = rules["carry_over"]["year"]
    if numbers and numbers[0] != carry:
        found.append(Problem(rules_file["file"], rules_file["line"](("carry_over", "year")), "carry_over.year",
                             "最早的年度文件是 %d.yml，应从 %d 年开始。" % (numbers[0], carry)))
    for i, ext in enumerate(rules["extension_years"]):
        if ext["year"] not in years or years[ext["year"]]["doc"]["system"] != "new":
            found.append(Problem(rules_file["file"], rules_file["line"](("extension_years", i, "year")),
                                 "extension_years[%d].year" % (i + 1), "%d 年没有新制度的年度文件。" % ext["year"]))
    return found


def check_rules(doc):
    """[(path, message)] for data/rules.yml after its schema passed."""
    found = []
    ids = [s["id"] for s in doc["subjects"]]
    canonical = ["law", "management", "technology", "practice"]
    if ids != canonical:
        found.append((("subjects",), "科目必须各写一次，顺序为 %s。" % "、".join(canonical)))
    seen = set()
    for i, level in enumerate(doc["levels"]):
        if level["id"] in seen:
            found.append((("levels", i, "id"), "报考级别 %s 写了两次。" % level["id"]))
        seen.add(level["id"])
        if level["subjects"] != [s for s in canonical if s in level["subjects"]]:
            found.append((("levels", i, "subjects"), "科目请按 %s 的顺序写。" % "、".join(canonical)))
    if doc["carry_over"]["year"] >= doc["first_new_system_year"]:
        found.append((("carry_over", "year"), "带入新制度的旧制度年份应早于 %d。" % doc["first_new_system_year"]))
    return found

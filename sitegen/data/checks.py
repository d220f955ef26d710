"""Checks that JSON Schema cannot express: real dates, order of events, years that fit together."""
import datetime
import json
import re

import jinja2

from .kinds import schema_enum
from .problems import Problem

# The subjects in their canonical order, as the rules schema defines them (its subject_id enum).
SUBJECT_IDS = schema_enum("rules.schema.json", "subject_id")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# The exam regions, once: guide.schema.json's province enum; data/regions.yml must list the same, in order.
REGION_NAMES = schema_enum("guide.schema.json", "province")
# From this exam year on, each province file lists every region, with what is not known yet (its `unknown`).
EVERY_REGION_FROM = 2026


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


# A day written into free text instead of a date field: it would go stale, and pages could not compute
# with it. Years are fine in text ("2022年的顺延"); days and parts of months are not.
DIGITS = "0-9０-９"
TYPED_DAY = [
    re.compile(r"(?<![0-9])[0-9]{4}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}(?![0-9])"),
    re.compile(r"[%s]{1,2}\s*月\s*[%s]{1,2}\s*[日号]" % (DIGITS, DIGITS)),
    re.compile(r"[%s]{1,2}\s*月\s*(?:[上中下]旬|初|底|末|中)" % DIGITS),
]
# Fields whose text is not the site's own statement: where a source is, its title, where a wrong claim was seen.
NOT_OUR_TEXT = {"url", "title", "seen_at"}


def check_typed_days(doc, quoted=()):
    """[(path, message)] for each day typed into a text field; `quoted` names fields that quote others
    (a wrong claim's summary) and may name days."""
    found = []
    for path, value in _walk(doc):
        named = [part for part in path if isinstance(part, str)]
        if not isinstance(value, str) or DATE_RE.match(value) or NOT_OUR_TEXT & set(named) or (named and named[-1] in quoted):
            continue
        for pattern in TYPED_DAY:
            match = pattern.search(value)
            if match:
                found.append((path, "文字里写了日期“%s”：日期要写在日期字段里（例如 date、between），页面会从那里取；"
                                    "文字里只写它们说明不了的部分。" % match.group(0)))
                break
    return found


# Two facts are the same statement when they say the same thing about the same thing: equal apart from
# their evidence (marks, sources, an editor's note), inside records with the same identity (the year,
# region or id of the records around them). Only statements in words count: equal bare dates or numbers in
# different places are usually different facts.
EVIDENCE = {"confidence", "sources", "note"}
IDENTITY = ("year", "province", "region", "slug", "id")
MIN_WORDS = 10


def _has_words(value):
    if isinstance(value, str):
        return len(value) >= MIN_WORDS and not DATE_RE.match(value)
    if isinstance(value, dict):
        return any(_has_words(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_words(item) for item in value)
    return False


def fact_statements(doc, about=(), path=()):
    """[(path, key)] for every sourced fact in `doc` that states something in words; equal keys are one
    fact written twice."""
    found = []
    if isinstance(doc, dict):
        about = about + tuple((key, doc[key]) for key in IDENTITY if isinstance(doc.get(key), (str, int)))
        if "sources" in doc and "confidence" in doc:
            said = {key: value for key, value in doc.items() if key not in EVIDENCE}
            if _has_words(said):
                found.append((path, json.dumps([about, said], ensure_ascii=False, sort_keys=True, default=str)))
        items = doc.items()
    elif isinstance(doc, list):
        items = enumerate(doc)
    else:
        return found
    for key, value in items:
        found += fact_statements(value, about, path + (key,))
    return found


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
    canonical = SUBJECT_IDS
    if ids != canonical:
        found.append((("subjects",), "科目必须各写一次，顺序为 %s。" % "、".join(canonical)))
    seen = set()
    for i, level in enumerate(doc["levels"]):
        if level["id"] in seen:
            found.append((("levels", i, "id"), "报考级别 %s 写了两次。" % level["id"]))
        seen.add(level["id"])
        if level["subjects"] != [s for s in canonical if s in level["subjects"]]:
            found.append((("levels", i, "subjects"), "科目请按 %s 的顺序写。" % "、".join(canonical)))
    if [t["subject"] for t in doc["question_types"]["subjects"]] != canonical:
        found.append((("question_types", "subjects"), "题型表里四个科目要各写一次，顺序为 %s。" % "、".join(canonical)))
    if doc["carry_over"]["year"] >= doc["first_new_system_year"]:
        found.append((("carry_over", "year"), "带入新制度的旧制度年份应早于 %d。" % doc["first_new_system_year"]))
    return found


def _span_order(span, path, what):
    """[(path, message)] when a [first, last] span runs backwards (bad dates are reported elsewhere)."""
    first, last = (parse_date(d) for d in span)
    if first and last and first > last:
        return [(path, "%s的第一个日期（开始）不能晚于第二个日期（结束）。" % what)]
    return []


def check_provinces(doc, stem, years, year_files):
    """[(path, message)] for one data/provinces/YYYY.yml; `years` maps year -> its year doc when that file
    passed its own checks, `year_files` holds the names (stems) of every file in data/years/."""
    found = []
    if stem != str(doc["year"]):
        return [(("year",), "文件名是 %s.yml，但 year 写的是 %s；两者必须相同。" % (stem, doc["year"]))]
    if stem not in year_files:
        return [(("year",), "没有 data/years/%d.yml；先建好这个年度的文件，再写各省的安排。" % doc["year"])]
    year = years.get(doc["year"])
    if year is None:
        return []  # the year file has problems of its own; comparing with it would only echo them
    exam_days = [parse_date(d) for d in year["exam"]["days"]] if year.get("exam") else []
    release = year.get("score_release") or {}
    released = parse_date(release.get("date") or (release.get("between") or [None])[0])
    seen = {}
    for i, entry in enumerate(doc["provinces"]):
        if len(entry) == 1:
            found.append((("provinces", i), "%s 只写了省份名；请至少写 registration、review、post_exam_check、certificate、"
                          "unknown 中的一项。" % entry["province"]))
        if entry["province"] in seen:
            found.append((("provinces", i, "province"), "%s 写了两次（第一次在 provinces[%d]）；同一个省份的内容请合在一处。"
                           % (entry["province"], seen[entry["province"]] + 1)))
        seen.setdefault(entry["province"], i)
        found.extend(_check_province(entry, ("provinces", i), doc["year"], exam_days, released))
    missing = [name for name in REGION_NAMES if name not in seen]
    if doc["year"] >= EVERY_REGION_FROM and missing:
        found.append((("provinces",), "从%d年起，每个年度文件都要列出全部考区；缺少：%s。什么都还没查到的考区，写 province 和 unknown 即可。"
                      % (EVERY_REGION_FROM, "、".join(missing))))
    return found


def check_regions(doc):
    """[(path, message)] for data/regions.yml after its schema passed: the schema's province list, in its order, slugs once."""
    found = []
    names = [r["name"] for r in doc["regions"]]
    if names != REGION_NAMES:
        missing = [n for n in REGION_NAMES if n not in names]
        extra = [n for n in names if names.count(n) > 1]
        found.append((("regions",), "考区要和 data/schemas/guide.schema.json 的省份列表一致、顺序相同、每个一次%s%s。"
                      % ("；缺少：" + "、".join(missing) if missing else "", "；重复：" + "、".join(sorted(set(extra))) if extra else "")))
    seen = {}
    for i, region in enumerate(doc["regions"]):
        if region["slug"] in seen:
            found.append((("regions", i, "slug"), "slug “%s” 已经给了%s；每个考区的页面地址要不同。" % (region["slug"], seen[region["slug"]])))
        seen.setdefault(region["slug"], region["name"])
    return found


def _check_province(entry, base, year, exam_days, released):
    found = []
    registration = entry.get("registration")
    if registration:
        path = base + ("registration", "between")
        found += _span_order(registration["between"], path, "报名时间")
        start, end = (parse_date(d) for d in registration["between"])
        if start and start.year != year:
            found.append((path + (0,), "%s 不在 %d 年内；报名时间必须在本年度考试之前。" % (start, year)))
        elif end and exam_days and end >= exam_days[0]:
            found.append((path + (1,), "报名截止 %s 不能晚于或等于考试第一天 %s。" % (end, exam_days[0])))
        pay = parse_date(registration.get("pay_until"))
        if pay and end and pay < end:
            found.append((base + ("registration", "pay_until"), "缴费截止 %s 不能早于报名截止 %s。" % (pay, end)))
    # A review window opens with the scores; post-exam checks and certificates come after the exam
    # (their notices may follow the release within days, so an edited release day must not trip them).
    review = entry.get("review")
    if review and review.get("between"):
        path = base + ("review", "between")
        found += _span_order(review["between"], path, "复核时间")
        first = parse_date(review["between"][0])
        if first and released and first < released:
            found.append((path + (0,), "%s 早于本年度成绩公布日期 %s；复核从成绩公布之日起算。" % (first, released)))
    after_exam = []
    check = entry.get("post_exam_check")
    for j, stage in enumerate(check.get("stages", []) if check else []):
        path = base + ("post_exam_check", "stages", j, "between")
        found += _span_order(stage["between"], path, "审核时间")
        after_exam.append((path + (0,), stage["between"][0]))
    certificate = entry.get("certificate")
    if certificate and certificate.get("from"):
        after_exam.append((base + ("certificate", "from"), certificate["from"]))
    for path, text in after_exam:
        first = parse_date(text)
        if first and exam_days and first <= exam_days[-1]:
            found.append((path, "%s 不晚于本年度考试最后一天 %s；考后审核和发证都在考试之后。" % (first, exam_days[-1])))
    return found


def check_guide(name, doc):
    """[(path, message)] for a topic file in data/guides/ after its schema passed."""
    found = []
    if name == "signup":
        subjects = [s["subject"] for day in doc["timetable"]["days"] for s in day]
        if sorted(subjects) != sorted(set(subjects)) or len(subjects) != 4:
            found.append((("timetable", "days"), "考试时间表里四个科目要各出现一次。"))
        for d, day in enumerate(doc["timetable"]["days"]):
            for s, session in enumerate(day):
                if session["start"] >= session["end"]:
                    found.append((("timetable", "days", d, s, "end"), "结束时间 %s 要晚于开始时间 %s。" % (session["end"], session["start"])))
    if name == "certificate":
        low, high = doc["paper"]["timing"]["months"]
        if low > high:
            found.append((("paper", "timing", "months"), "months 写成 [最少, 最多]，第一个数不能比第二个大。"))
    return found


FAQ_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FAQ_GUIDE_RE = re.compile(r"^([a-z0-9-]+/)*[a-z0-9-]+\.md(#[a-z0-9-]+)?$")
FACT_PATH_RE = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_-]+)+$")


def check_faq(doc):
    """[(path, message)] for data/faq.yml after its schema passed; fact paths are followed by the loader."""
    found = []
    jinja_env = jinja2.Environment()
    seen = set()
    for i, entry in enumerate(doc["entries"]):
        if not FAQ_ID_RE.match(entry["id"]):
            found.append((("entries", i, "id"), "“%s” 不能做锚点：只用小写英文字母、数字和连字符，例如 review-where。" % entry["id"]))
        if not FAQ_GUIDE_RE.match(entry["guide"]):
            found.append((("entries", i, "guide"), "“%s” 不是站内页面：写 docs/ 下的 .md 路径，可带锚点，例如 guides/score-review.md#where。"
                          % entry["guide"]))
        for j, dotted in enumerate(entry.get("facts", [])):
            if not FACT_PATH_RE.match(dotted):
                found.append((("entries", i, "facts", j), "“%s” 不是事实路径：用点连接，例如 guides.review.national 或 years.latest.score_release。"
                              % dotted))
        if entry["id"] in seen:
            found.append((("entries", i, "id"), "id “%s” 已经用过；每个问题的 id 要不同，它是页面上的锚点。" % entry["id"]))
        seen.add(entry["id"])
        if ("sources" in entry) != ("confidence" in entry):
            have, need = ("sources", "confidence") if "sources" in entry else ("confidence", "sources")
            found.append((("entries", i), "写了 %s 就要同时写 %s。" % (have, need)))
        if not entry.get("facts") and "sources" not in entry:
            found.append((("entries", i), "回答要有出处：用 facts 引用 data/ 里的事实（例如 guides.review.national），或者自己写 confidence 和 sources。"))
        try:
            jinja_env.parse(entry["a"])
        except jinja2.TemplateSyntaxError as err:
            found.append((("entries", i, "a"), "回答里的 {{ }} 或 {%% %%} 写法有误，常见原因是括号没有成对（Jinja 的提示：%s）。"
                          % err.message))
    return found

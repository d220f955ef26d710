"""Computed pieces of the guide pages: worked examples from the calculator, the review deadline,
next year's expected dates, province tables and where the cycle stands.

Templates only present what these return: every number comes from data/ or from the calculator package.
"""
import datetime
import urllib.parse

import calculator

from .. import zh
from ..cycle import release_text, review_until
from ..data import engine_data
from ..data.checks import REGION_NAMES

THIRDS = ("上旬", "中旬", "下旬")
WEEKDAYS = "一二三四五六日"
# How many past exam years "the pattern" looks at when next year's dates are not known yet.
PATTERN_YEARS = 3


def _d(text):
    return datetime.date.fromisoformat(text)


def province_names():
    """Every provincial exam region, in the order of the schema's list (data/schemas/guide.schema.json)."""
    return REGION_NAMES


# --- Worked examples and calculator links ------------------------------------------------------------

def calc_query(data, level, passes, today=None, extension=None):
    """The calculator page's query for one input, subjects in canonical order: "?level=full&law=2023"."""
    params = [("level", level)]
    params += [(s["id"], str(passes[s["id"]])) for s in data["rules"]["subjects"] if s["id"] in passes]
    if extension:
        params.append(("extension", str(extension)))
    if today:
        params.append(("today", today))
    return "?" + urllib.parse.urlencode(params)


def window_example(data, level, passes, at, extension=None):
    """The calculator's result for `passes` as seen on 1 January of exam year `at` (so its next exam is `at`).

    Adds "today", "query" (for a calculator link that reproduces it) and "without": with an extension, the
    result for the same passes without it (else None).
    """
    engine = engine_data(data)
    today = "%d-01-01" % at
    result = calculator.calculate(engine, level, passes, today, extension)
    result["today"] = today
    result["query"] = calc_query(data, level, passes, today, extension)
    result["without"] = calculator.calculate(engine, level, passes, today) if extension else None
    return result


def next_exam_year(data, today):
    """The first exam year whose exam is not over on `today` (the calculator's own answer)."""
    return calculator.calculate(engine_data(data), "full", {}, today.isoformat())["next_exam_year"]


# --- Review deadline and where the cycle stands ------------------------------------------------------

def phase(data, current, today):
    """The home page's stage, with the review window split out of "scores-out".

    {"stage": one of cycle.stage's stages or "review-open", "year": the exam year, "review_until": ISO day or None}
    """
    year = next(y for y in data["years"] if y["year"] == current["year"])
    until = review_until(year, data["guides"]["review"]["national"])
    stage = current["stage"]
    if stage == "scores-out" and until and today.isoformat() <= until:
        stage = "review-open"
    return {"stage": stage, "year": current["year"], "review_until": until}


# --- Province tables ---------------------------------------------------------------------------------

def province_rows(data, part):
    """[(year, entry)] for every province record that has `part`, newest year first, then by province order."""
    order = province_names()
    rows = []
    for record in reversed(data["provinces"]):
        entries = [e for e in record["provinces"] if e[part]]
        rows += [(record["year"], e) for e in sorted(entries, key=lambda e: order.index(e["province"]))]
    return rows


def provinces_without(data, part, year):
    """Regions with no `part` recorded for `year`, in the schema's order."""
    record = next((r for r in data["provinces"] if r["year"] == year), None)
    covered = {e["province"] for e in record["provinces"] if e[part]} if record else set()
    return [name for name in province_names() if name not in covered]


# --- Patterns: next year's expected dates ------------------------------------------------------------

def _third(day):
    return min((day - 1) // 10, 2)


def span_words(days, base_year):
    """The thirds of a month that cover `days` (ISO strings) in words, e.g. "10月下旬", "7月下旬至8月上旬",
    "8月中下旬"; a month in the year after `base_year` reads "次年1月上旬". Each day counts by its month and day."""
    keys = sorted({((_d(t).year - base_year) * 12 + _d(t).month - 1) * 3 + _third(_d(t).day) for t in days})
    low, high = keys[0], keys[-1]

    def words(key, with_month=True):
        later, rest = divmod(key, 36)
        if not with_month:
            return THIRDS[rest % 3]
        return ("次年" if later else "") + "%d月" % (rest // 3 + 1) + THIRDS[rest % 3]

    if low == high:
        return words(low)
    if low // 3 == high // 3:  # one month
        if high - low == 1:  # 8月中下旬
            return words(low)[:-2] + THIRDS[low % 3][0] + THIRDS[high % 3]
        return "%s至%s" % (words(low), words(high, with_month=False))
    return "%s至%s" % (words(low), words(high))


def _aligned(dates_by_year):
    """Days of different exam years moved to the newest of them (same month and day), for span_words."""
    ref = max(dates_by_year)
    out = []
    for year, days in dates_by_year.items():
        for d in map(_d, days):
            day = 28 if (d.month, d.day) == (2, 29) else d.day
            out.append(datetime.date(d.year - year + ref, d.month, day).isoformat())
    return out, ref


def _step(text, facts, expected, basis=None, per_year=None, fact=None, weekdays=None):
    """One step of the outlook; every step has every key, so templates can test them plainly."""
    return {"text": text, "facts": facts, "expected": expected, "basis": basis, "per_year": per_year,
            "fact": fact, "weekdays": weekdays}


def _known(fact, text):
    return _step(text, [fact], fact["confidence"] == "expected", fact=fact)


def _pattern(dates_by_year, facts):
    """An expected step from the same step in past years: {year: [ISO days]}."""
    if not dates_by_year:
        return _step("往年没有可参照的记录", facts, True, basis=[], per_year=[])
    days, ref = _aligned(dates_by_year)
    return _step(span_words(days, ref), facts, True, basis=sorted(dates_by_year),
                 per_year=[(y, span_words(dates_by_year[y], y)) for y in sorted(dates_by_year)])


def outlook(data, today):
    """Next exam year's timeline: each step known from data/ or expected from the last few years.

    {"year", "plan", "registration", "exam", "release"}; each step is a dict with "text", "expected",
    "facts" (what its sources are), "basis" (the years a pattern rests on, or None when known from data/),
    "per_year" ([(year, words)] for a pattern), "fact" (the data/ record when known) and "weekdays".
    """
    year = next_exam_year(data, today)
    record = next((y for y in data["years"] if y["year"] == year), None)
    past = [y for y in data["years"] if y["year"] < year and y["system"] == "new"]
    steps = {"year": year}

    exam = record["exam"] if record else None
    if exam and exam["confidence"] != "expected":
        steps["exam"] = _known(exam, zh.days(exam["days"]))
    else:
        held = [y for y in past if y["exam"] and y["exam"]["confidence"] != "expected"][-PATTERN_YEARS:]
        steps["exam"] = _pattern({y["year"]: y["exam"]["days"] for y in held}, [y["exam"] for y in held])
        weekdays = {tuple(_d(d).weekday() for d in y["exam"]["days"]) for y in held}
        if len(weekdays) == 1:
            steps["exam"]["weekdays"] = "、".join("周" + WEEKDAYS[w] for w in weekdays.pop())

    release = record["score_release"] if record else None
    if release:
        steps["release"] = _known(release, ("预计" if release["confidence"] == "expected" else "") + release_text(release))
    else:
        out = [y for y in past if y["score_release"] and y["score_release"]["date"]
               and y["score_release"]["confidence"] != "expected"][-PATTERN_YEARS:]
        steps["release"] = _pattern({y["year"]: [y["score_release"]["date"]] for y in out},
                                    [y["score_release"] for y in out])

    # Registration is provincial: its pattern comes from the province files of past years.
    opened = {}
    for province_year in data["provinces"]:
        regs = [e["registration"] for e in province_year["provinces"] if e["registration"]]
        if province_year["year"] < year and regs:
            opened[province_year["year"]] = regs
    recent = sorted(opened)[-PATTERN_YEARS:]
    steps["registration"] = _pattern({y: [r["between"][0] for r in opened[y]] for y in recent},
                                     [r for y in recent for r in opened[y]])

    plans = data["guides"]["signup"]["plans"]
    published = {int(day[:4]): [day] for day in plans["published"] if int(day[:4]) < year}
    recent = sorted(published)[-PATTERN_YEARS:]
    steps["plan"] = _pattern({y: published[y] for y in recent}, [plans])
    return steps

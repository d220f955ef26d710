"""Where the current exam cycle stands on a given day: the home page's one-line answer."""
import datetime
import os

from . import zh

# China has used UTC+8 all year since 1991, so a fixed offset is exact (and needs no tz database).
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def china_midnight(day):
    """"2025-12-26" -> "2025-12-26T00:00:00+08:00": the start of that day in China."""
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(), CHINA).isoformat()


def build_day():
    """The day the site is built, in China; SITE_TODAY=YYYY-MM-DD pins it for tests and snapshots."""
    pinned = os.environ.get("SITE_TODAY")
    return datetime.date.fromisoformat(pinned) if pinned else datetime.datetime.now(CHINA).date()


def release_text(release, with_year=True):
    """A score release in words: exact day (and hour) or the expected span."""
    if release["date"]:
        text = zh.date(release["date"], with_year)
        return text + (" " + release["time"] if release["time"] else "")
    return zh.span(*release["between"], with_year=with_year)


def stage(years, today):
    """{"year", "stage", "sentence", "confidence"} on `today`, for the newest year with exam dates.

    stage is one of: "dates-unknown", "before-exam", "awaiting-scores", "scores-out".
    A newer year without dates yet (a fresh data/years/YYYY.yml) adds a sentence saying so.
    """
    dated = [y for y in years if y["exam"]]
    if not dated:
        return {"year": years[-1]["year"], "stage": "dates-unknown", "confidence": None,
                "sentence": "%d年的考试日期尚未公布。" % years[-1]["year"]}
    result = _year_stage(dated[-1], today)
    if dated[-1] is not years[-1]:
        result["sentence"] += "%d年的考试日期尚未公布。" % years[-1]["year"]
    return result


def _year_stage(year, today):
    number, exam, release = year["year"], year["exam"], year["score_release"]
    first, last = (datetime.date.fromisoformat(d) for d in (exam["days"][0], exam["days"][-1]))
    when = zh.days(exam["days"], with_year=False)
    if today < first:
        return {"year": number, "stage": "before-exam", "confidence": exam["confidence"],
                "sentence": "%d年考试定于%s举行。" % (number, when)}
    if release and release["date"] and datetime.date.fromisoformat(release["date"]) <= today:
        return {"year": number, "stage": "scores-out", "confidence": release["confidence"],
                "sentence": "%d年考试成绩已于%s公布。" % (number, release_text(release))}
    held = "正在举行" if today <= last else "已于%s举行" % when
    if not release:
        tail = "成绩公布日期尚无消息。"
    elif release["confidence"] == "expected":
        tail = "成绩预计%s公布。" % release_text(release)
    else:
        tail = "成绩将于%s公布。" % release_text(release)
    return {"year": number, "stage": "awaiting-scores", "confidence": (release or exam)["confidence"],
            "sentence": "%d年考试%s，%s" % (number, held, tail)}


def review_until(year, national):
    """The last day to ask for a review, counted from an exact release day by the national rule, or None
    (no exact day yet, or a year before the rule: its deadline is not known)."""
    release = year["score_release"]
    if year["year"] < national["since_year"] or not release or not release["date"] or release["confidence"] == "expected":
        return None
    days = national["days"]
    return (datetime.date.fromisoformat(release["date"]) + datetime.timedelta(days=days)).isoformat()

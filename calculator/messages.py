"""Chinese messages for bad input: each names the bad value and says what is accepted, on one line."""
from .levels import required_subjects, subject_name

EXAMPLE_DATE = "2026-11-22"


def quote(text):
    """The value as typed, kept to one short line (a newline would break the one-line error)."""
    shown = ""
    for char in text:
        shown += char if ord(char) >= 32 and char != "\u2028" and char != "\u2029" else " "
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return "“" + shown + "”"


def subject_label(data, subject_id):
    return "%s（%s）" % (subject_name(data, subject_id), subject_id)


def _level_choices(data):
    return "、".join(["%s（%s）" % (level["id"], level["name"]) for level in data["levels"]])


def _subject_choices(data):
    return "、".join(["%s（%s）" % (s["id"], s["name"]) for s in data["subjects"]])


def missing_level(data):
    return "没有填写报考级别。可选：%s。" % _level_choices(data)


def unknown_level(data, text):
    return "未知的报考级别%s。可选：%s。" % (quote(text), _level_choices(data))


def unknown_subject(data, text):
    return "未知的科目%s。可选：%s。" % (quote(text), _subject_choices(data))


def subject_not_sat(data, level, subject_id):
    sat = required_subjects(data, level)
    return "%s考生不考%s。%s考生要考的科目是：%s（%s）。" % (
        level["name"], subject_label(data, subject_id), level["name"],
        "、".join([subject_name(data, s) for s in sat]), "、".join(sat))


def duplicate_subject(data, subject_id):
    return "科目%s填了两次。每个科目只填一个年份：最近一次合格的年份。" % subject_label(data, subject_id)


def malformed_pass(text):
    return "无法识别%s。请写成“科目=年份”，例如 law=2025。" % quote(text)


def malformed_year(data, subject_id, text):
    return "%s的合格年份%s不是四位数的年份。请填写如 2025 这样的年份。" % (subject_label(data, subject_id), quote(text))


def _carry_levels(data):
    names = []
    for level in data["levels"]:
        if level["id"] in data["carry_over"]["levels"]:
            names.append(level["name"])
    return "、".join(names)


def year_too_early(data, subject_id, year, earliest):
    carry = data["carry_over"]["year"]
    return "%s的合格年份 %d 太早。可填 %d 年及以后的年份（%d 年的合格成绩只对%s考生有效）。" % (
        subject_label(data, subject_id), year, earliest, carry, _carry_levels(data))


def carry_year_not_for_level(data, level, subject_id, year, earliest):
    return "%s的合格年份 %d 只对%s考生有效；%s考生可填 %d 年及以后的年份。" % (
        subject_label(data, subject_id), year, _carry_levels(data), level["name"], earliest)


def no_exam_that_year(data, subject_id, year):
    return "%s的合格年份 %d 不对：那一年没有举行考试。" % (subject_label(data, subject_id), year)


def exam_not_over(data, subject_id, year, today, earliest, latest):
    if latest is None or latest < earliest:
        allowed = "到这一天为止还没有可填的年份"
    elif latest == earliest:
        allowed = "可填 %d 年" % earliest
    else:
        allowed = "可填 %d–%d 年" % (earliest, latest)
    return "%s的合格年份 %d 不对：到 %s 为止，%d 年的考试还没有考完；%s。" % (
        subject_label(data, subject_id), year, today, year, allowed)


def bad_date(text):
    return "日期%s无效。请填写真实存在的日期，格式为 YYYY-MM-DD，例如 %s。" % (quote(text), EXAMPLE_DATE)


def date_too_early(text, first_year):
    return "日期%s太早。计算器从 %d 年算起，请填写 %d-01-01 或以后的日期。" % (quote(text), first_year, first_year)


def bad_extension(data, text):
    years = data["extension_years"]
    if not years:
        return "顺延年份%s不可用：目前没有可以顺延的年份，请不要填写。" % quote(text)
    return "顺延年份%s不可用。只能填 %s，或者不填。" % (quote(text), "、".join([str(y) for y in years]))

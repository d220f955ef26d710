"""A short Chinese summary of a result, for a person (the command line without --json)."""
from .levels import find_level, subject_name


def _names(data, subject_ids):
    return "、".join([subject_name(data, s) for s in subject_ids])


def _conclusion(data, result):
    if result["status"] == "certified":
        return "结论：已全部合格，合格年度为 %d 年，不用再考。" % result["certified_year"]
    if result["status"] == "in_progress":
        return "结论：还没有全部合格。还需通过：%s，须在 %d 年及以前的考试中全部通过，否则最早的合格成绩会过期。" % (
            _names(data, result["remaining"]), result["deadline_year"])
    return "结论：目前没有仍然有效的合格成绩。从 %d 年考试起重新开始，需在 %d 个考试年度内通过：%s。" % (
        result["next_exam_year"], result["window_years"], _names(data, result["remaining"]))


def _subject_line(row, next_year):
    if row["passed_year"] is None:
        return "- %s：尚未通过。" % row["name"]
    usable = "可以沿用" if row["usable_next"] else "不能再沿用"
    return "- %s：%d 年通过，有效至 %d 年考试；%d 年考试%s。" % (
        row["name"], row["passed_year"], row["valid_through"], next_year, usable)


def summary_text(data, inputs, result):
    level = find_level(data, result["level"])
    lines = ["报考级别：%s（每科合格成绩在 %d 个考试年度内有效）" % (level["name"], result["window_years"]),
             "计算日期：%s，下一次考试：%d 年" % (inputs["today"], result["next_exam_year"])]
    if inputs["extension"] is not None:
        lines.append("已按 %d 年顺延一年的规则计算。" % inputs["extension"])
    lines.append(_conclusion(data, result))
    lines.append("各科：")
    for row in result["subjects"]:
        lines.append(_subject_line(row, result["next_exam_year"]))
    return "\n".join(lines)

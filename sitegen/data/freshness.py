"""Is data/ falling behind the calendar? Used by the scheduled workflow to open an issue."""
import datetime


def stale(data, today):
    """Chinese sentences, one per problem; [] when data/ is up to date on `today`."""
    found = []
    years = {y["year"]: y for y in data["years"]}
    newest = years[max(years)]
    if newest["exam"] and datetime.date.fromisoformat(newest["exam"]["days"][-1]) < today:
        if newest["year"] + 1 not in years:
            found.append("%d年的考试已经结束，但还没有 data/years/%d.yml：请新建下一年度的文件。"
                         % (newest["year"], newest["year"] + 1))
    for year in data["years"]:
        release = year["score_release"]
        if release and release["confidence"] == "expected":
            last = release["between"][-1] if release["between"] else release["date"]
            if datetime.date.fromisoformat(last) < today:
                found.append("data/years/%d.yml：成绩公布日期仍标为“预计”，但预计的最晚日期 %s 已过：请填上实际日期和来源。"
                             % (year["year"], last))
        if year["exam"] and year["exam"]["confidence"] == "expected":
            if datetime.date.fromisoformat(year["exam"]["days"][-1]) < today:
                found.append("data/years/%d.yml：考试日期仍标为“预计”，但考试已经过去：请核实并更新来源。" % year["year"])
    return found

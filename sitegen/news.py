"""News items: exams held and scores published. They follow from the exam years, so recording a score
release in data/years/YYYY.yml is enough to announce it on the news page (pages/) and in the feed (outputs/)."""
import datetime

from . import cycle, zh


def items(data, today):
    """Newest first: exams held and scores published up to `today` (future events are not news).
    `page` is the docs/ source of the page that tells more."""
    found = []
    review_days = data["guides"]["review"]["national"]["days"]
    for year in data["years"]:
        exam, release = year["exam"], year["score_release"]
        if exam and datetime.date.fromisoformat(exam["days"][-1]) < today:
            found.append({
                "id": "%d-exam-held" % year["year"], "date": exam["days"][-1], "page": "timeline.md",
                "title": "%d年考试已于%s举行" % (year["year"], zh.days(exam["days"], with_year=False)),
                "summary": "成绩公布前可以先用计算器看看已通过科目的有效期。" if not (release and release["date"])
                else "考试日期见历年时间线。",
                "fact": exam})
        if release and release["date"] and datetime.date.fromisoformat(release["date"]) <= today:
            found.append({
                "id": "%d-scores-out" % year["year"], "date": release["date"], "page": "guides/score-query.md",
                "title": "%d年成绩已公布" % year["year"],
                "summary": "成绩于%s公布。对分数有疑问的，在公布后%d天内向本省人事考试机构申请复核。"
                % (cycle.release_text(release), review_days),
                "fact": release})
    return sorted(found, key=lambda item: (item["date"], item["id"]), reverse=True)

"""Year lists that follow from the rules: the pass years a level accepts, a fresh window's span, the years a
timeline shows. The calculator page offers and draws them in the browser; the build renders the same lists."""
from .exams import exam_year_after, is_exam_year, latest_exam_over
from .levels import earliest_pass_year, find_level


def year_choices(data, level_id, today):
    """Pass years the rules accept for a level on `today`, newest first: from the carry-over year (levels it
    covers) or the first new-system year, up to the last exam that is over on `today`."""
    level = find_level(data, level_id)
    latest = latest_exam_over(data, today)
    if level is None or latest is None:
        return []
    return [y for y in range(latest, earliest_pass_year(data, level) - 1, -1) if is_exam_year(data, y)]


def window_span(data, result):
    """(first, last) exam year of a fresh window that starts at the next exam."""
    first = result["next_exam_year"]
    return first, exam_year_after(data, first, result["window_years"] - 1)


def timeline_columns(data, result, minimum=6):
    """Exam years shown on the timeline: from the earliest pass (or the next exam) to the last year that
    matters, at least `minimum` columns."""
    passed = [row["passed_year"] for row in result["subjects"] if row["passed_year"] is not None]
    through = [row["valid_through"] for row in result["subjects"] if row["valid_through"] is not None]
    start = min(passed + [result["next_exam_year"]])
    end = max(through + [window_span(data, result)[1]])
    years = [start]
    while years[-1] < end or len(years) < minimum:
        years.append(exam_year_after(data, years[-1], 1))
    return years

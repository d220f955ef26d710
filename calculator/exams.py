"""The exam calendar: which years hold an exam, how exam years are counted, which exams are over."""
from .dates import last_day_of_year, year_of


def listed_years(data):
    return sorted([exam["year"] for exam in data["exam_years"]])


def is_exam_year(data, year):
    """Listed in data/, or after the last listed year (assumed to hold one exam each, per the contract)."""
    years = listed_years(data)
    return year in years or year > years[-1]


def exam_year_after(data, year, count):
    """The exam year `count` exam years after exam year `year` (a gap in data/ is a year without an exam)."""
    years = listed_years(data)
    last = years[-1]
    if year > last:
        return year + count
    index = years.index(year) + count
    if index < len(years):
        return years[index]
    return last + index - (len(years) - 1)


def last_exam_day(data, year):
    for exam in data["exam_years"]:
        if exam["year"] == year and exam["last_day"]:
            return exam["last_day"]
    # No date in data/ (2018, or a year not listed yet). The contract says such an exam is "not over
    # before 31 December"; taking 31 December as its last day keeps one rule for every year: it is
    # over from 1 January of the next year.
    return last_day_of_year(year)


def exam_is_over(data, year, today):
    """Over once its last exam day is before `today` (on the last day itself it is still running)."""
    return last_exam_day(data, year) < today


def next_exam_year(data, today):
    """The first exam year whose exam is not over on `today`."""
    years = listed_years(data)
    for year in years:
        if not exam_is_over(data, year, today):
            return year
    # Every listed exam is over; an unlisted year's exam ends with its 31 December (see last_exam_day).
    return max(years[-1] + 1, year_of(today))


def latest_exam_over(data, today):
    """The last exam year whose exam is over on `today` (the one before next_exam_year), or None."""
    years = listed_years(data)
    next_year = next_exam_year(data, today)
    if next_year not in years:
        return next_year - 1
    index = years.index(next_year)
    return years[index - 1] if index > 0 else None

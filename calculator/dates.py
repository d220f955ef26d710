"""Dates as ISO strings "YYYY-MM-DD", checked with integer maths.

MicroPython has no calendar module and its datetime lacks strftime, so the calculator keeps dates as
strings: two valid ISO dates compare correctly as plain strings.
"""

DIGITS = "0123456789"


def _digits(text):
    # str.isdigit() also accepts full-width and other Unicode digits on CPython; only ASCII is a year.
    if not text:
        return False
    for char in text:
        if char not in DIGITS:
            return False
    return True


def parse_year(text):
    """A four-digit year such as "2025" as an int, or None."""
    if len(text) != 4 or not _digits(text):
        return None
    return int(text)


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_iso_date(text):
    """True for a real calendar date written exactly as YYYY-MM-DD."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    year, month, day = text[0:4], text[5:7], text[8:10]
    if not (_digits(year) and _digits(month) and _digits(day)):
        return False
    year, month, day = int(year), int(month), int(day)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def year_of(date):
    return int(date[0:4])


def last_day_of_year(year):
    return "%04d-12-31" % year

"""Turn untrusted input (command-line arguments, URL query values) into checked engine inputs.

Shared by the command line and the browser page, so both reject the same things with the same words.
"""
from . import messages
from .dates import is_iso_date, parse_year, year_of
from .exams import exam_is_over, is_exam_year, latest_exam_over, listed_years
from .levels import earliest_pass_year, find_level, find_subject


class InputError(ValueError):
    """Bad input; `message` is one line of Chinese for the person who typed it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _text(value):
    if value is None:
        return ""
    return (value if isinstance(value, str) else str(value)).strip()


def parse_pass_argument(text):
    """"law=2025" -> ("law", "2025"); the year is checked later, with the level and the date."""
    text = _text(text)
    subject, sign, year = text.partition("=")
    if not sign or not subject.strip() or not year.strip():
        raise InputError(messages.malformed_pass(text))
    return subject.strip(), year.strip()


def _parse_today(data, value):
    text = _text(value)
    if not is_iso_date(text):
        raise InputError(messages.bad_date(text))
    first = listed_years(data)[0]
    if year_of(text) < first:
        raise InputError(messages.date_too_early(text, first))
    return text


def _parse_extension(data, value):
    text = _text(value)
    if not text:
        return None
    year = parse_year(text)
    if year not in data["extension_years"]:
        raise InputError(messages.bad_extension(data, text))
    return year


def _parse_pass_year(data, level, subject_id, value, today):
    text = _text(value)
    year = parse_year(text)
    if year is None:
        raise InputError(messages.malformed_year(data, subject_id, text))
    earliest = earliest_pass_year(data, level)
    if year < data["carry_over"]["year"]:
        raise InputError(messages.year_too_early(data, subject_id, year, earliest))
    if year < earliest:
        raise InputError(messages.carry_year_not_for_level(data, level, subject_id, year, earliest))
    if not is_exam_year(data, year):
        raise InputError(messages.no_exam_that_year(data, subject_id, year))
    if not exam_is_over(data, year, today):
        raise InputError(messages.exam_not_over(
            data, subject_id, year, today, earliest, latest_exam_over(data, today)))
    return year


def parse_inputs(data, level, passes, today, extension=None):
    """Checked inputs {"level", "passes": {subject: year}, "today", "extension"}; raises InputError.

    `passes` is a dict {subject: year} or a list of (subject, year) pairs (a list can hold the same
    subject twice, which is reported). Years may be ints or strings; everything else is a string.
    """
    level_id = _text(level)
    if not level_id:
        raise InputError(messages.missing_level(data))
    found = find_level(data, level_id)
    if found is None:
        raise InputError(messages.unknown_level(data, level_id))
    today = _parse_today(data, today)
    extension = _parse_extension(data, extension)
    pairs = passes.items() if isinstance(passes, dict) else (passes or [])
    checked = {}
    for subject, year in pairs:
        subject_id = _text(subject)
        if find_subject(data, subject_id) is None:
            raise InputError(messages.unknown_subject(data, subject_id))
        if subject_id not in found["subjects"]:
            raise InputError(messages.subject_not_sat(data, found, subject_id))
        if subject_id in checked:
            raise InputError(messages.duplicate_subject(data, subject_id))
        checked[subject_id] = _parse_pass_year(data, found, subject_id, year, today)
    return {"level": level_id, "passes": checked, "today": today, "extension": extension}

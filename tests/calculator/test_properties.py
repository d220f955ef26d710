"""Properties of the pass-window rule, checked on generated inputs against the frozen fixture data (tests/fixtures/data)."""
import datetime
import json

from hypothesis import given, strategies as st

import calculator
from calculator.dates import is_iso_date

from ..conftest import fixture_engine_data

DATA = fixture_engine_data()
LEVELS = {level["id"]: level for level in DATA["levels"]}
# Late enough that every generated pass year (up to LAST_YEAR) is over; years after the data count too.
LAST_YEAR = 2035
TODAY = "2036-06-01"
RANK = {"no_valid_pass": 0, "in_progress": 1, "certified": 2}


def first_year(level_id):
    carry = DATA["carry_over"]
    return carry["year"] if level_id in carry["levels"] else carry["year"] + 1


@st.composite
def pass_sets(draw):
    """(level id, {subject: year}) with every year one the level may enter."""
    level_id = draw(st.sampled_from(sorted(LEVELS)))
    subjects = LEVELS[level_id]["subjects"]
    chosen = draw(st.lists(st.sampled_from(subjects), unique=True))
    years = st.integers(first_year(level_id), LAST_YEAR)
    return level_id, {subject: draw(years) for subject in chosen}


@st.composite
def complete_sets_in_one_window(draw):
    """All of a level's subjects, passed within one window: generated passes are rarely that close."""
    level_id = draw(st.sampled_from(sorted(LEVELS)))
    n = LEVELS[level_id]["window_years"]
    start = draw(st.integers(first_year(level_id), LAST_YEAR - n + 1))
    return level_id, {subject: draw(st.integers(start, start + n - 1)) for subject in LEVELS[level_id]["subjects"]}


ANY_SET = st.one_of(pass_sets(), complete_sets_in_one_window())


def certified_by_brute_force(level_id, passes):
    """Independent oracle: some run of N consecutive exam years (yearly since 2018) holds every pass."""
    level = LEVELS[level_id]
    if set(passes) != set(level["subjects"]):
        return False
    n = level["window_years"]
    return any(all(start <= year <= start + n - 1 for year in passes.values())
               for start in range(2018, LAST_YEAR + 1))


def result(level_id, passes, today=TODAY, extension=None):
    return calculator.calculate(DATA, level_id, passes, today, extension)


@given(ANY_SET)
def test_certified_iff_one_window_holds_every_pass(case):
    level_id, passes = case
    assert (result(level_id, passes)["status"] == "certified") == certified_by_brute_force(level_id, passes)


@given(ANY_SET, st.sampled_from([None, 2022]))
def test_valid_through_never_before_the_pass(case, extension):
    for row in result(*case, extension=extension)["subjects"]:
        if row["passed_year"] is not None:
            assert row["valid_through"] >= row["passed_year"]


@given(pass_sets(), st.data())
def test_adding_a_pass_never_sets_a_result_back(case, data):
    level_id, passes = case
    missing = [s for s in LEVELS[level_id]["subjects"] if s not in passes]
    if not missing:
        return
    subject = data.draw(st.sampled_from(missing))
    more = dict(passes)
    more[subject] = data.draw(st.integers(first_year(level_id), LAST_YEAR))
    before, after = result(level_id, passes), result(level_id, more)
    assert RANK[after["status"]] >= RANK[before["status"]]
    assert set(after["remaining"]) <= set(before["remaining"])
    others = [row for row in after["subjects"] if row["id"] != subject]
    assert others == [row for row in before["subjects"] if row["id"] != subject]


@given(ANY_SET)
def test_the_extension_only_lengthens(case):
    plain, extended = result(*case), result(*case, extension=2022)
    for row, longer in zip(plain["subjects"], extended["subjects"]):
        if row["passed_year"] is not None:
            assert longer["valid_through"] - row["valid_through"] in (0, 1)
    assert RANK[extended["status"]] >= RANK[plain["status"]]


@given(complete_sets_in_one_window(), st.integers(0, 3000))
def test_a_certificate_does_not_expire(case, days_later):
    level_id, passes = case
    assert result(level_id, passes)["status"] == "certified"
    later = (datetime.date(2036, 6, 1) + datetime.timedelta(days=days_later)).isoformat()
    assert result(level_id, passes, today=later)["status"] == "certified"


@given(ANY_SET, st.randoms(use_true_random=False), st.sampled_from([None, 2022]))
def test_the_order_of_passes_does_not_matter(case, rnd, extension):
    level_id, passes = case
    pairs = list(passes.items())
    rnd.shuffle(pairs)
    assert result(level_id, pairs, extension=extension) == result(level_id, passes, extension=extension)


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32))
def test_iso_dates_agree_with_the_standard_library(year, month, day):
    text = "%04d-%02d-%02d" % (year, month, day)
    try:
        datetime.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert is_iso_date(text) == real


# Strings shaped like YYYY-MM-DD, most of them slightly off: other separators, widths, signs, spaces, digits
# that are not ASCII, or text around a real date. Only a real day written exactly as YYYY-MM-DD counts.
NEAR_ISO = st.builds(
    lambda y, sep1, m, sep2, d, before, after: "%s%s%s%s%s%s%s" % (before, y, sep1, m, sep2, d, after),
    st.sampled_from(["2025", "0000", "9999", "202", "20251", "+2025", "２０２５"]) | st.from_regex(r"\A[0-9]{4}\Z"),
    st.sampled_from(["-", "/", ".", "", " ", "—"]),
    st.sampled_from(["01", "12", "13", "00", "1", "001", " 1", "０１"]) | st.from_regex(r"\A[0-9]{2}\Z"),
    st.sampled_from(["-", "/", ".", ""]),
    st.sampled_from(["01", "31", "32", "00", "9", "009", "29", "30"]) | st.from_regex(r"\A[0-9]{2}\Z"),
    st.sampled_from(["", "", "", " ", "x", "\n"]),
    st.sampled_from(["", "", "", " ", "T00:00", "Z", "\n"]))


def _is_real_iso_day(text):
    try:
        return len(text) == 10 and text.isascii() and datetime.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


@given(NEAR_ISO)
def test_near_iso_strings_are_dates_only_when_exactly_a_real_day(text):
    assert is_iso_date(text) == _is_real_iso_day(text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(st.lists(st.none() | st.booleans() | st.integers() | st.text()))
def test_json_text_matches_cpython(values):
    assert calculator.to_json(values) == json.dumps(values, ensure_ascii=False)


@given(JSON_VALUES)
def test_json_text_round_trips(value):
    assert json.loads(calculator.to_json(value)) == value

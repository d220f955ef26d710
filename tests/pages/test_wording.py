"""The wording helpers that turn data into Chinese, each over a table of good and bad inputs."""
import pytest

from sitegen import cycle, zh
from sitegen.pages.guides import span_words


@pytest.mark.parametrize("first, last, with_year, words", [
    ("2026-12-21", "2026-12-31", True, "2026年12月下旬"),
    ("2026-12-01", "2026-12-10", False, "12月上旬"),
    ("2026-02-11", "2026-02-20", True, "2026年2月中旬"),
    ("2026-02-21", "2026-02-28", True, "2026年2月下旬"),      # February ends on the 28th
    ("2028-02-21", "2028-02-29", True, "2028年2月下旬"),      # and on the 29th in a leap year
    ("2026-02-21", "2026-02-27", True, "2026年2月21日至27日"),  # not a whole third
    ("2026-12-21", "2026-12-30", True, "2026年12月21日至30日"),
    ("2026-12-29", "2027-01-09", True, "2026年12月29日至2027年1月9日"),
    ("2026-07-28", "2026-08-07", True, "2026年7月28日至8月7日"),
    ("2026-07-28", "2026-08-07", False, "7月28日至8月7日"),
    ("2026-10-24", "2026-10-24", True, "2026年10月24日"),     # one day is a date, not a span
])
def test_span(first, last, with_year, words):
    assert zh.span(first, last, with_year) == words


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "26-12-01", "", "2026/12/01"])
def test_span_rejects_what_is_not_a_day(bad):
    with pytest.raises(ValueError):
        zh.span(bad, "2026-12-31")


@pytest.mark.parametrize("days, with_year, words", [
    (["2025-10-25", "2025-10-26"], True, "2025年10月25–26日"),
    (["2025-10-25", "2025-10-26"], False, "10月25–26日"),
    (["2022-10-29", "2022-10-30", "2022-10-31"], True, "2022年10月29–31日"),
    (["2022-10-29", "2022-11-26"], True, "2022年10月29日、11月26日"),   # not consecutive
    (["2025-10-31", "2025-11-01"], True, "2025年10月31日、11月1日"),     # consecutive across a month
    (["2025-10-25"], True, "2025年10月25日"),
])
def test_days(days, with_year, words):
    assert zh.days(days, with_year) == words


@pytest.mark.parametrize("days, base, words", [
    (["2026-10-24"], 2026, "10月下旬"),
    (["2026-08-01", "2026-08-09"], 2026, "8月上旬"),
    (["2026-08-15", "2026-08-25"], 2026, "8月中下旬"),
    (["2026-08-05", "2026-08-25"], 2026, "8月上旬至下旬"),
    (["2026-07-25", "2026-08-05"], 2026, "7月下旬至8月上旬"),
    (["2026-12-26", "2027-01-05"], 2026, "12月下旬至次年1月上旬"),
    (["2027-01-05"], 2026, "次年1月上旬"),
    (["2026-08-31"], 2026, "8月下旬"),                 # the 31st is still 下旬
    (["2026-08-10", "2026-08-11"], 2026, "8月上中旬"),  # day 10 is 上旬, day 11 中旬
])
def test_span_words(days, base, words):
    assert span_words(days, base) == words


@pytest.mark.parametrize("level, words", [("official", "官方"), ("consistent", "多方一致"),
                                          ("single-source", "单一来源"), ("expected", "预计")])
def test_confidence_words(level, words):
    assert zh.confidence(level) == words and zh.confidence_help(level)


def test_an_unknown_confidence_is_an_error():
    with pytest.raises(KeyError):
        zh.confidence("sure")


@pytest.mark.parametrize("day, moment", [("2025-12-26", "2025-12-26T00:00:00+08:00"),
                                         ("2028-02-29", "2028-02-29T00:00:00+08:00")])
def test_china_midnight(day, moment):
    assert cycle.china_midnight(day) == moment

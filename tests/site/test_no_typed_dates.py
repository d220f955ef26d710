"""No date is typed into docs/: every date, year and month on a page comes from data/ through a placeholder.

A date typed into a page goes stale silently when data/ changes; a placeholder cannot. Text inside Jinja
(`{{ … }}`, `{% … %}`, `{# … #}`) is code and is not checked: `{{ y.year }}年` and
`window_example("full", {"law": 2023}, at=2026)` are fine, `2025年` or `12月26日` in the text are not.
Every text file in docs/ is checked for ISO and Chinese dates; pages (Markdown, HTML) also for a bare year
such as "2022"; the calculator's Python may name example years in comments (law=2025) and SVG's namespace.
Rule numbers that are facts (30天, 60分, 5年) belong in data/ too, but are not dates and are not flagged here.
"""
import pathlib
import re

import pytest

DOCS = pathlib.Path(__file__).resolve().parents[2] / "docs"
# Page templates kept outside docs/ (the region pages' one template) are pages too.
TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "sitegen" / "pages" / "templates"
TEXT_SUFFIXES = {".md", ".html", ".py", ".js", ".css", ".txt", ".json", ".webmanifest", ".yml", ".yaml"}
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
DIGITS = "0-9０-９"
CN_NUMBER = "〇零一二三四五六七八九十两"
# What a typed date looks like, with a name for the failure message.
BARE_YEAR = ("年份", re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"))
PAGE_SUFFIXES = {".md", ".html"}
PATTERNS = [
    ("ISO 或斜杠日期", re.compile(r"(?<![0-9])[0-9]{4}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}(?![0-9])")),
    ("某年", re.compile(r"[%s]{2,4}\s*年" % DIGITS)),
    ("某月某日", re.compile(r"[%s]{1,2}\s*月\s*[%s]{1,2}\s*[日号]" % (DIGITS, DIGITS))),
    ("某月上中下旬或月初月底", re.compile(r"[%s]{1,2}\s*月\s*(?:[上中下]旬|初|底|末|中|份)" % DIGITS)),
    ("中文数字的月份", re.compile(r"(?<![个几每多])[%s]{1,3}月(?:[%s]{1,3}[日号]|[上中下]旬|初|底|末|份)?" % (CN_NUMBER, CN_NUMBER))),
    ("某日（单写日期）", re.compile(r"(?<![0-9个第])[%s]{1,2}\s*[日号](?:起|前|后|之前|之后|截止|开始)" % DIGITS)),
]


def _files():
    return sorted(p for folder in (DOCS, TEMPLATES) for p in folder.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES)


def typed_dates(text, page=True):
    """[(line number, kind, the matched text)] for every typed date; on a page, outside Jinja code."""
    if page:  # blank out Jinja, keeping newlines so line numbers stay right
        text = JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for kind, pattern in PATTERNS + ([BARE_YEAR] if page else []):
            found += [(number, kind, m.group(0)) for m in pattern.finditer(line)]
    return found


@pytest.mark.parametrize("text, kinds", [
    ("成绩于2025-12-26公布", {"ISO 或斜杠日期", "年份"}),
    ("2025年12月26日", {"年份", "某年", "某月某日"}),
    ("12月下旬", {"某月上中下旬或月初月底"}),
    ("8月份报名", {"某月上中下旬或月初月底"}),
    ("十二月二十六日", {"中文数字的月份"}),
    ("26日起领证", {"某日（单写日期）"}),
    ("二〇二五年", set()),  # not a pattern readers meet in guides; documented gap
])
def test_patterns_catch_typed_dates(text, kinds):
    assert {kind for _, kind, _ in typed_dates(text)} == kinds


@pytest.mark.parametrize("text", [
    "{{ y.year }}年{{ release | zh_date }}", "{% set ex = window_example('full', {'law': 2023}, at=2026) %}",
    "成绩公布之日起 {{ days }} 天内", "每科 60 分", "约 2–4 个月", "一个月内", "每个月", "第1个考试年度",
    "15个工作日", "IE10", "提交后大约 24 小时", "09:00–11:30",
])
def test_patterns_leave_rules_numbers_and_jinja_alone(text):
    assert typed_dates(text) == []


def test_code_may_name_example_years_but_not_dates():
    assert typed_dates('"""?level=full&law=2025"""', page=False) == []
    assert [kind for _, kind, _ in typed_dates('"2025年12月26日"', page=False)] == ["某年", "某月某日"]


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.relative_to(DOCS.parent).as_posix())
def test_no_typed_dates_in_docs(path):
    rel = path.relative_to(DOCS.parent).as_posix()
    found = typed_dates(path.read_text("utf-8"), page=path.suffix in PAGE_SUFFIXES)
    assert not found, "\n".join(
        ["%s 里手写了日期；请改用 data/ 里的值（占位符）：" % rel]
        + ["  第 %d 行：%s “%s”" % item for item in found])

"""The strict build: pages come out, facts come from data/, a broken date stops the build."""
import json
import re

from ..conftest import build_site


def _text(html):
    """Visible text of a page, tags dropped (enough to check which facts a page states)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_build_writes_the_pages(built_site):
    for page in ["index.html", "timeline/index.html", "rules/index.html", "search/search_index.json"]:
        assert (built_site / page).is_file(), page


def test_the_timeline_has_one_row_per_year_with_marks_and_sources(built_site):
    html = (built_site / "timeline" / "index.html").read_text("utf-8")
    rows = re.findall(r"<tr>\s*<td>(\d{4})</td>(.*?)</tr>", html, re.S)
    assert [int(year) for year, _ in rows] == list(range(2019, 2027))
    for year, cells in rows:
        assert 'class="conf conf-' in cells and "来源：" in cells, year
    text = _text(html)
    assert "2025年12月26日 10:00" in text
    assert "预计2026年12月下旬" in text
    assert "2023年1月17日" in text, "the rejected 2022 release date is shown as a conflict"


def test_the_home_page_says_where_the_cycle_stands(built_site):
    text = _text((built_site / "index.html").read_text("utf-8"))
    assert "2026年考试已于10月24–25日举行，成绩预计2026年12月下旬公布。" in text


def test_jieba_segments_chinese_in_the_search_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in text, "search index has no word breaks: is jieba installed?"


def _set_2025_release(project, value):
    path = project / "data" / "years" / "2025.yml"
    text = path.read_text("utf-8")
    assert text.count('"2025-12-26"') == 1
    path.write_text(text.replace('"2025-12-26"', '"%s"' % value), "utf-8")


def test_an_impossible_date_stops_the_build_naming_the_file(project_copy):
    _set_2025_release(project_copy, "2025-13-45")
    result = build_site(project_copy, project_copy / "out")
    assert result.returncode != 0
    assert re.search(r"data/years/2025\.yml:\d+: score_release\.date：2025-13-45 不是真实的日期", result.stderr)
    assert "Traceback" not in result.stderr


def test_a_changed_date_changes_the_pages(project_copy):
    _set_2025_release(project_copy, "2025-12-30")
    result = build_site(project_copy, project_copy / "out")
    assert result.returncode == 0, result.stderr
    text = _text((project_copy / "out" / "timeline" / "index.html").read_text("utf-8"))
    assert "2025年12月30日" in text and "2025年12月26日" not in text

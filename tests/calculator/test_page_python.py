"""The calculator page's Python (docs/calculator/view.py and worker.py) on CPython, beside the engine's
tests: the browser runs the same files on MicroPython (tests/browser covers the page itself)."""
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculator
from sitegen.pages import calculator_page

from ..conftest import fixture_engine_data
from .conftest import ROOT


@pytest.fixture
def page_modules(monkeypatch):
    """Import view.py and worker.py as the worker does: from their folder, as top-level modules."""
    monkeypatch.syspath_prepend(str(ROOT / "docs" / "calculator"))
    for name in ("view", "worker"):
        monkeypatch.delitem(sys.modules, name, raising=False)


@pytest.fixture
def view(page_modules):
    import view
    return view


def test_view_escapes_what_it_writes(view):
    assert view.esc("<a href=\"x\" onclick='y'>&") == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
    engine = fixture_engine_data()
    engine["subjects"][0]["name"] = "<script>alert(1)</script>"
    result = calculator.calculate(engine, "full", {"law": 2025}, "2026-11-22")
    html = view.result_html(engine, result, "2026-11-22", True, None, "../")
    assert "<script" not in html and "&lt;script&gt;" in html
    svg = view.timeline_svg(engine, result)
    assert svg.startswith('<svg class="calc-timeline" role="img" aria-labelledby=')
    assert "<title id=" in svg and "下次考试是 2027 年" in svg


def test_the_result_links_to_the_regions(view):
    """Whatever the result, the reader can go on to their own exam region (docs/provinces/)."""
    for status in ("certified", "in_progress"):
        assert 'href="../provinces/"' in view.guide_links({"status": status}, "../")


def test_view_reads_and_writes_the_query(view):
    engine = fixture_engine_data()
    assert view.parse_query("?level=full&law=2025&x=%E4%B8%AD+%E6%96%87&e=") == [
        ("level", "full"), ("law", "2025"), ("x", "中 文"), ("e", "")]
    with pytest.raises(calculator.InputError):
        view.parse_query("?law=%FF")
    state = view.state_from_query(engine, view.parse_query("?level=full&law=2025&law=&from=timeline"))
    assert state["passes"] == [("law", "2025")] and state["ignored"] == ["from"]
    assert view.state_from_query(engine, view.parse_query("?from=timeline")) is None
    assert view.query_string(engine, "exempt-2", {"law": "2025", "technology": "2024"}, "2026-11-22", "2022") == \
        "level=exempt-2&law=2025&today=2026-11-22&extension=2022"
    for search in ["?law=%3Cscript%3E", "?level=%E4%B8%AD"]:
        pairs = view.parse_query(search)
        assert view.parse_query("?" + "&".join("%s=%s" % (k, view.quote(v)) for k, v in pairs)) == pairs


@pytest.fixture
def worker(page_modules):
    """The page's worker module on CPython, fed the engine data as python-worker.js feeds it from the bundle."""
    import worker
    worker.init(json.dumps(fixture_engine_data()), "../")
    return worker


KEYS = ["level", "law", "management", "technology", "practice", "today", "extension", "from"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(KEYS + ["", "%", "%FF", "a=b"]),
                          st.one_of(st.text(max_size=12), st.sampled_from(
                              ["2025", "2018", "1900", "2026-02-30", "2026-11-22", "full", "exempt-2", "2022",
                               "%3Cscript%3E", "%E4%B8%AD", "%ZZ", "99999999999"]))), max_size=6))
def test_the_worker_answers_every_query_with_a_result_or_a_message(worker, pairs):
    """No query makes the Python side raise: the reader always gets data-json or a Chinese data-error."""
    search = "?" + "&".join("%s=%s" % pair for pair in pairs)
    reply = json.loads(worker.from_query(search, "2026-11-23"))
    assert ("json" in reply) != ("error" in reply), search
    if "json" in reply:
        assert json.loads(reply["json"])["level"] == reply["level"]
    else:
        assert reply["error"] and "Traceback" not in reply["error"]
    if "level" in reply:
        assert set(reply["selects"].values()) <= set(reply["choices"]) | {""}

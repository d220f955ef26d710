"""data/ itself: every file validates, has a schema, and carries sources; bad fixtures fail as pinned."""
import json
import pathlib
import subprocess
import sys

import pytest

from sitegen.data import DATA, SCHEMAS, load, load_engine_data

from . import badfixtures

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load()


def test_every_data_file_is_covered_by_a_schema():
    schema_for = {"rules.yml": "rules.schema.json", "years": "year.schema.json"}
    for path in DATA.rglob("*.yml"):
        key = path.name if path.parent == DATA else path.parent.name
        assert key in schema_for, "%s has no JSON Schema in data/schemas/" % path.relative_to(ROOT)
        assert (SCHEMAS / schema_for[key]).exists()
        assert "yaml-language-server: $schema=" in path.read_text("utf-8").splitlines()[0]


def test_years_run_from_the_carry_over_year_without_gaps(data):
    numbers = [y["year"] for y in data["years"]]
    assert numbers[0] == data["rules"]["carry_over"]["year"] == 2018
    assert numbers == list(range(numbers[0], numbers[-1] + 1))
    assert numbers[-1] >= 2026


def _facts(value):
    if isinstance(value, dict):
        if "confidence" in value:
            yield value
        for item in value.values():
            yield from _facts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _facts(item)


def test_every_fact_has_a_source_and_a_confidence(data):
    facts = list(_facts(data))
    assert len(facts) > 30
    for fact in facts:
        assert fact["sources"] and all(s["url"].startswith(("http://", "https://")) for s in fact["sources"])


def test_every_new_system_year_has_exam_days_and_says_what_is_unknown(data):
    for year in data["years"]:
        if year["system"] == "new":
            assert year["exam"], year["year"]
        assert isinstance(year["unknown"], list)
    assert data["years"][-1]["unknown"], "the newest year always has open questions"


def test_known_facts_from_the_fact_sheet(data):
    by_year = {y["year"]: y for y in data["years"]}
    assert by_year[2025]["score_release"]["date"] == "2025-12-26"
    assert by_year[2022]["score_release"]["date"] == "2023-03-17"
    assert by_year[2026]["score_release"]["confidence"] == "expected"
    assert [ext["year"] for ext in data["rules"]["extension_years"]] == [2022]


def test_engine_data_is_plain_json(data):
    engine = load_engine_data()
    assert json.loads(json.dumps(engine)) == engine
    assert engine["exam_years"][0] == {"year": 2018, "last_day": None}
    assert engine["exam_years"][-1]["last_day"] == "2026-10-25"
    assert [lv["window_years"] for lv in engine["levels"]] == [4, 3, 2, 1]


def test_there_are_enough_bad_fixtures():
    assert len(badfixtures.fixtures()) >= 20


@pytest.mark.parametrize("fixture", badfixtures.fixtures(), ids=lambda p: p.stem)
def test_bad_fixture_fails_with_its_pinned_messages(fixture, tmp_path):
    expected = badfixtures.header(fixture, "expect")
    assert expected, "%s has no '# expect:' line" % fixture.name
    assert badfixtures.messages_for(fixture, tmp_path) == expected


def test_check_command_prints_file_and_line_and_fails(tmp_path):
    fixture = badfixtures.BAD / "date-month-13.yml"
    badfixtures.messages_for(fixture, tmp_path)  # leaves the broken copy in tmp_path/data
    result = subprocess.run([sys.executable, "-m", "sitegen", "check", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith("data/years/2025.yml:12: score_release.date：2025-13-45")
    assert "Traceback" not in result.stderr


def test_check_command_passes_on_the_real_data():
    result = subprocess.run([sys.executable, "-m", "sitegen", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

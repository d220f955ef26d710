"""data/ itself: every file validates, has a schema, and carries sources; bad fixtures fail as pinned."""
import json
import pathlib
import subprocess
import sys

import pytest

from sitegen.data import DATA, GUIDES, SCHEMAS, load, load_engine_data

from . import badfixtures

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load()


def _schema_for(path):
    """The schema a data file is checked against: one per top-level file, per folder, or per topic file."""
    rel = path.relative_to(DATA)
    if rel.parts[0] == "guides":
        return path.stem + ".schema.json"
    return {"rules.yml": "rules.schema.json", "faq.yml": "faq.schema.json",
            "years": "year.schema.json", "provinces": "provinces.schema.json"}.get(rel.parts[0])


def test_every_data_file_is_covered_by_a_schema():
    files = list(DATA.rglob("*.yml"))
    assert len(files) > 20
    for path in files:
        schema = _schema_for(path)
        assert schema, "%s has no JSON Schema in data/schemas/" % path.relative_to(ROOT)
        assert (SCHEMAS / schema).exists(), schema
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(schema), path
        assert "编辑须知" in path.read_text("utf-8"), "%s needs the Chinese header for editors" % path


def test_every_schema_closes_its_objects_and_is_used():
    used = {_schema_for(p) for p in DATA.rglob("*.yml")} | {"common.schema.json", "guide.schema.json"}
    for path in SCHEMAS.glob("*.schema.json"):
        assert path.name in used, "%s is not used by any data file" % path.name
        schema = json.loads(path.read_text("utf-8"))
        if "properties" in schema:
            assert schema.get("additionalProperties") is False, path.name


def test_every_topic_file_is_registered_with_the_loader():
    assert sorted(p.stem for p in (DATA / "guides").glob("*.yml")) == sorted(GUIDES)


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


def test_topic_facts_from_the_fact_sheets(data):
    guides = data["guides"]
    assert guides["review"]["national"]["days"] == 30
    assert guides["review"]["national"]["document"] == "人社厅发〔2021〕18号"
    assert [c["code"] for c in guides["score_query"]["status_codes"]["codes"]] == ["-1", "-2", "-4"]
    assert [c["name"] for c in guides["score_query"]["not_confirmed"]] == ["掌上12333"]
    assert "12333" not in json.dumps(guides["score_query"]["channels"], ensure_ascii=False)
    assert len(guides["specialties"]["categories"]["names"]) == 7
    assert guides["certificate"]["electronic"]["basis"]["since"] == "2021-12-17"
    assert guides["certificate"]["electronic"]["annotation"]["max_days"] == 90
    assert guides["practice_registration"]["terms"]["initial_years"] == 5


def test_province_files_hold_one_record_per_province_and_year(data):
    years = [r["year"] for r in data["provinces"]]
    assert years == sorted(set(years)) and 2025 in years
    shanxi = next(e for r in data["provinces"] if r["year"] == 2025 for e in r["provinces"] if e["province"] == "山西")
    assert shanxi["post_exam_check"]["stages"][0]["between"] == ["2025-12-29", "2026-01-09"]
    for record in data["provinces"]:
        names = [e["province"] for e in record["provinces"]]
        assert len(names) == len(set(names)), record["year"]


def test_faq_has_enough_sourced_entries(data):
    entries = data["faq"]["entries"]
    assert len(entries) >= 20
    assert len({e["id"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["cited"] and all(f["sources"] for f in entry["cited"]), entry["id"]

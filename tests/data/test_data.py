"""data/ itself: every file has a kind, a schema and an editor header, the check passes; bad fixtures fail
as pinned. Values are not asserted here: the schemas, the checks and the golden snapshots cover them."""
import json
import os
import subprocess
import sys

import pytest

from sitegen.data import KINDS, SCHEMAS, SHARED_SCHEMAS, engine_data, kind_of

from . import badfixtures
from ..conftest import LIVE_DATA, ROOT

LIVE = LIVE_DATA
LIVE_FILES = sorted(p.relative_to(LIVE).as_posix() for p in LIVE.rglob("*.yml"))


@pytest.mark.parametrize("rel", LIVE_FILES)
def test_data_file_has_a_kind_and_an_editor_header_naming_its_schema(rel):
    kind = kind_of(rel)
    assert kind, "data/%s is not a kind of file in sitegen/data/kinds.py" % rel
    text = (LIVE / rel).read_text("utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("schemas/" + kind.schema), rel
    assert "编辑须知" in text, "data/%s needs the Chinese header for editors" % rel


def test_every_schema_is_used_and_exists():
    named = {kind.schema for kind in KINDS} | set(SHARED_SCHEMAS)
    assert named == {p.name for p in SCHEMAS.glob("*.schema.json")}


def _objects(schema, path="#"):
    """(path, subschema) for every subschema that lists properties, at any depth."""
    if isinstance(schema, dict):
        if "properties" in schema and schema.get("type") == "object":
            yield path, schema
        for key, value in schema.items():
            yield from _objects(value, "%s/%s" % (path, key))
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _objects(value, "%s/%d" % (path, i))


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.schema.json")))
def test_schema_closes_every_object(name):
    """A misspelt field must fail: every object is closed, a sourced fact by unevaluatedProperties (so the
    fields of common.schema.json's fact count), anything else by additionalProperties."""
    for path, obj in _objects(json.loads((SCHEMAS / name).read_text("utf-8"))):
        if obj.get("$ref", "").endswith("#/$defs/fact"):
            assert obj.get("unevaluatedProperties") is False, "%s %s" % (name, path)
        else:
            assert obj.get("additionalProperties") is False or obj.get("unevaluatedProperties") is False, \
                "%s %s" % (name, path)


def test_engine_data_is_plain_json(fixture_data):
    engine = engine_data(fixture_data)
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


def test_check_command_passes_on_the_live_data():
    result = subprocess.run([sys.executable, "-m", "sitegen", "check"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SITE_DATA": str(LIVE_DATA)})
    assert result.returncode == 0, result.stderr

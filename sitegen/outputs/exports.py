"""Machine-readable copies of data/ for other sites and tools: exams.json (rules, years, regions and their\narrangements per year) and its JSON Schema.

The JSON holds the validated data as editors wrote it (defaults that the loader fills in for
templates are dropped again), so it validates against the same schemas as data/ itself.
"""
import json

from ..data import SCHEMAS

# Bump when a field is renamed or removed; adding fields keeps the version.
FORMAT_VERSION = 1
KEEP_EMPTY = {"unknown", "extension_years"}


def _as_written(value):
    if isinstance(value, dict):
        return {k: _as_written(v) for k, v in value.items()
                if v is not None and (v != [] or k in KEEP_EMPTY)}
    if isinstance(value, list):
        return [_as_written(v) for v in value]
    return value


def _province_year(record):
    """A data/provinces/YYYY.yml record as written: an entry's empty `unknown` was filled in by the loader."""
    written = _as_written(record)
    for entry in written["provinces"]:
        if not entry.get("unknown"):
            entry.pop("unknown", None)
    return written


def exams_json(data):
    document = {
        "$schema": "exams.schema.json",
        "version": FORMAT_VERSION,
        "description": "中级注册安全工程师考试的规则与历年日期，每条都带来源和可信程度。",
        "rules": _as_written(data["rules"]),
        "years": [_as_written(y) for y in data["years"]],
        "regions": _as_written(data["regions"]),
        "provinces": [_province_year(p) for p in data["provinces"]],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def exams_schema():
    """One self-contained schema: the data schemas are embedded as resources under $defs."""
    embedded = {path.name.split(".")[0]: json.loads(path.read_text("utf-8"))
                for path in sorted(SCHEMAS.glob("*.schema.json"))}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "exams.schema.json",
        "title": "exams.json: rules and exam years of the 中级注册安全工程师 exam",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "rules", "years"],
        "properties": {
            "$schema": {"type": "string"},
            "version": {"const": FORMAT_VERSION},
            "description": {"type": "string"},
            "rules": {"$ref": "rules.schema.json"},
            "years": {"type": "array", "items": {"$ref": "year.schema.json"}},
            "regions": {"$ref": "regions.schema.json"},
            "provinces": {"type": "array", "items": {"$ref": "provinces.schema.json"},
                          "description": "Each exam year's arrangements, region by region."},
        },
        "$defs": embedded,
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"

"""The one boundary between data/ and everything else: load, validate, return plain records.

Every consumer (pages, calculator, calendar, JSON export, CLI) calls `load()` or
`load_engine_data()`; nothing else reads data/ directly.
"""
import json
import pathlib

import jsonschema
import referencing

from . import checks, schema_messages, yamlfile
from .problems import DataError, Problem, field_name, line_of

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = DATA / "schemas"


def _registry():
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        resources.append((schema["$id"], referencing.Resource.from_contents(schema)))
    return referencing.Registry().with_resources(resources)


def _validator(name, registry):
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=registry)


class _File:
    """One parsed data file with its display name and line lookup."""

    def __init__(self, path, root):
        self.name = path.relative_to(root).as_posix()
        self.doc = None
        self.lines = {}
        self.problems = []
        try:
            self.doc, self.lines = yamlfile.load(path.read_text("utf-8"))
        except yamlfile.YamlSyntaxError as err:
            self.add((), "YAML 写法有误：%s" % err.problem, err.line)
        except UnicodeDecodeError:
            self.add((), "文件不是 UTF-8 编码，请用 UTF-8 保存。", 1)

    def add(self, path, message, line=None):
        self.problems.append(Problem(self.name, line or line_of(self.lines, path), field_name(path), message))

    def validate(self, validator):
        if self.doc is None:
            return False
        errors = list(validator.iter_errors(self.doc))
        for error in errors:
            self.add(*schema_messages.describe(error))
        for path, message in checks.check_dates(self.doc):
            self.add(path, message)
        return not self.problems

    def line(self, path):
        return line_of(self.lines, path)


# Optional fields are filled in, so templates (rendered with StrictUndefined) can test them plainly.
YEAR_DEFAULTS = {"note": None, "exam": None, "notices": [], "registration": None, "certificate": None,
                 "score_release": None}
RELEASE_DEFAULTS = {"date": None, "between": None, "time": None, "conflicts": []}


def _complete(value):
    """Give every sourced fact a `note` (None when absent), at any depth."""
    if isinstance(value, dict):
        if "sources" in value and "confidence" in value:
            value.setdefault("note", None)
        for item in value.values():
            _complete(item)
    elif isinstance(value, list):
        for item in value:
            _complete(item)
    return value


def _year_record(doc):
    record = _complete({**YEAR_DEFAULTS, **doc})
    if record["score_release"]:
        record["score_release"] = {**RELEASE_DEFAULTS, **record["score_release"]}
    return record


def load(root=ROOT):
    """Validated data as {"rules": dict, "years": [dict sorted by year]}; raises DataError."""
    data_dir = root / "data"
    registry = _registry()
    rules_file = _File(data_dir / "rules.yml", root)
    problems = []
    if rules_file.validate(_validator("rules.schema.json", registry)):
        for path, message in checks.check_rules(rules_file.doc):
            rules_file.add(path, message)
    problems += rules_file.problems
    rules = rules_file.doc if not rules_file.problems else None

    year_validator = _validator("year.schema.json", registry)
    years = {}
    for path in sorted((data_dir / "years").glob("*.yml")):
        year_file = _File(path, root)
        if not path.stem.isdigit() or len(path.stem) != 4:
            year_file.add((), "年度文件名必须是四位年份，例如 2027.yml。")
        elif year_file.validate(year_validator) and rules:
            for bad_path, message in checks.check_year(year_file.doc, path.stem, rules["first_new_system_year"]):
                year_file.add(bad_path, message)
        problems += year_file.problems
        if not year_file.problems:
            years[year_file.doc["year"]] = {"file": year_file.name, "doc": year_file.doc, "line": year_file.line}
    if rules and not problems:
        problems += checks.check_collection(
            years, rules, {"file": rules_file.name, "line": rules_file.line})
    if problems:
        raise DataError(problems)
    return {"rules": _complete(rules), "years": [_year_record(years[y]["doc"]) for y in sorted(years)]}


def engine_data(data):
    """The plain dict the calculator engine takes (see calculator/), built from validated data."""
    rules = data["rules"]
    return {
        "subjects": [{"id": s["id"], "name": s["name"]} for s in rules["subjects"]],
        "levels": [{"id": lv["id"], "name": lv["name"], "subjects": list(lv["subjects"]),
                    "window_years": lv["window_years"]} for lv in rules["levels"]],
        "extension_years": [ext["year"] for ext in rules["extension_years"]],
        "carry_over": {"year": rules["carry_over"]["year"], "levels": list(rules["carry_over"]["levels"])},
        "exam_years": [{"year": y["year"], "last_day": y["exam"]["days"][-1] if y["exam"] else None}
                       for y in data["years"]],
    }


def load_engine_data(root=ROOT):
    return engine_data(load(root))

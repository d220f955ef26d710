"""Load and validate data/: parse each file (yamlfile), check it against its kind's schema (kinds.py) and
the checks, and return plain records; every problem becomes a `data/file.yml:LINE: …` line (DataError).
"""
import difflib
import json
import os
import pathlib

import jsonschema
import referencing

from .. import cycle
from . import checks, documents, publishers, schema_messages, yamlfile
from .kinds import (DATA, DOCUMENTS, FAQ, GUIDE_KINDS, PROVINCES, PUBLISHERS, REGIONS, ROOT, RULES, SCHEMAS, TOPICS, YEARS,
                    kind_of)
from .problems import DataError, Problem, field_name, line_of



def data_dir():
    """The data folder builds read: data/, or the folder SITE_DATA names (tests build from a frozen copy)."""
    return pathlib.Path(os.environ["SITE_DATA"]) if os.environ.get("SITE_DATA") else DATA


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

    def __init__(self, path, folder):
        self.name = "data/" + path.relative_to(folder).as_posix()
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

    def validate(self, validator, known=None):
        """Schema, real dates and, given the registries (`known`: publishers and documents), every
        source's publisher, every mark against its sources, every document referred to and that no fact was
        already stated elsewhere."""
        if self.doc is None:
            return False
        errors = list(validator.iter_errors(self.doc))
        for error in errors:
            self.add(*schema_messages.describe(error))
        for path, message in checks.check_dates(self.doc):
            self.add(path, message)
        for path, message in checks.check_typed_days(self.doc, quoted=("summary",) if self.name.endswith("misinformation.yml") else ()):
            self.add(path, message)
        if known and not errors:
            for path, message in publishers.check_sources(self.doc, known.publishers, cycle.build_day().isoformat()):
                self.add(path, message)
            for path, message in documents.check_references(self.doc, known.documents):
                self.add(path, message)
            for path, key in checks.fact_statements(self.doc):
                here = (self.name, self.line(path))
                first = known.statements.setdefault(key, here)
                if first != here:
                    self.add(path, "这条事实在 %s:%d 已经写过，内容相同。同一事实只写一处：删掉这一处，页面要用时引用那一处"
                                   "（常见问题用 facts: 路径）。" % first)
        return not self.problems

    def line(self, path):
        return line_of(self.lines, path)


# Optional fields are filled in, so templates (rendered with StrictUndefined) can test them plainly.
YEAR_DEFAULTS = {"note": None, "exam": None, "notices": [], "certificate": None,
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


FAQ_DEFAULTS = {"facts": [], "note": None}


class Registries:
    """What every other file is checked against: data/publishers.yml and data/documents.yml, and the facts
    the files read so far have stated (`statements`: checks.fact_statements key -> (file, line)), so that
    no fact is written twice."""

    def __init__(self, publishers_, documents_):
        self.publishers = publishers_
        self.documents = documents_
        self.statements = {}


def _load_registries(folder, registry):
    """(Registries or None, problems); without both registries, sources and documents are not checked."""
    publisher_file = _File(folder / PUBLISHERS.pattern, folder)
    if publisher_file.validate(_validator(PUBLISHERS.schema, registry)):
        for path, message in publishers.check_registry(publisher_file.doc):
            publisher_file.add(path, message)
    if publisher_file.problems:
        return None, publisher_file.problems
    cited = publishers.Publishers(publisher_file.doc)
    document_file = _File(folder / DOCUMENTS.pattern, folder)
    if document_file.validate(_validator(DOCUMENTS.schema, registry)):
        for path, message in publishers.check_sources(document_file.doc, cited, cycle.build_day().isoformat()):
            document_file.add(path, message)
        for path, message in documents.check_registry(document_file.doc):
            document_file.add(path, message)
    if document_file.problems:
        return None, document_file.problems
    return Registries(cited, documents.Documents(document_file.doc)), []


def _strays(folder):
    """Problems for .yml files that no kind in kinds.py describes, outside the per-kind folders (misnamed
    year, province and topic files get messages of their own)."""
    problems = []
    for path in sorted(folder.rglob("*.yml")):
        rel = path.relative_to(folder).as_posix()
        if kind_of(rel) is None and rel.split("/")[0] not in ("guides", "years", "provinces"):
            stray = _File(path, folder)
            stray.add((), "不认识的文件：data/ 里的每类文件都要先在 sitegen/data/kinds.py 里登记并写好 schema。", 1)
            problems += stray.problems
    return problems


def _load_guides(folder, registry, known):
    """({key: record}, problems) for the topic files in data/guides/."""
    guides, problems = {}, []
    for path in sorted((folder / "guides").glob("*.yml")):
        if kind_of(path.relative_to(folder).as_posix()) is None:
            stray = _File(path, folder)
            stray.add((), "不认识的主题文件。data/guides/ 里只能有：%s；新主题要先在 sitegen/data/kinds.py 的 TOPICS 里登记并写好 schema。"
                      % "、".join(name + ".yml" for name in TOPICS), 1)
            problems += stray.problems
    for kind, name in zip(GUIDE_KINDS, TOPICS):
        path = folder / kind.pattern
        if not path.is_file():
            problems.append(Problem("data/" + kind.pattern, 1, "", "缺少这个主题文件；页面要从它取值。"))
            continue
        topic = _File(path, folder)
        if topic.validate(_validator(kind.schema, registry), known):
            for bad_path, message in checks.check_guide(name, topic.doc):
                topic.add(bad_path, message)
        problems += topic.problems
        if not topic.problems:
            guides[kind.key] = _complete(topic.doc)
    return guides, problems


# Optional parts of a province record, filled in so templates can test them plainly.
PROVINCE_PARTS = {"registration": {"pay_until": None, "summary": None},
                  "review": {"between": None, "channel": "unknown"},
                  "post_exam_check": {"stages": []},
                  "certificate": {"from": None}}


def _province_record(doc):
    doc = _complete(doc)
    doc["provinces"] = [{**{part: {**defaults, **entry[part]} if part in entry else None
                            for part, defaults in PROVINCE_PARTS.items()},
                         "province": entry["province"], "unknown": entry.get("unknown", [])}
                        for entry in doc["provinces"]]
    return doc


SITE_DEFAULTS = {"entry": None, "note": None}


def _load_regions(folder, registry, known):
    """([region record in the schema's order], problems) for data/regions.yml."""
    regions_file = _File(folder / REGIONS.pattern, folder)
    if regions_file.validate(_validator(REGIONS.schema, registry), known):
        for path, message in checks.check_regions(regions_file.doc):
            regions_file.add(path, message)
    if regions_file.problems:
        return None, regions_file.problems
    records = [{"site": None, "safety_site": None, **region} for region in regions_file.doc["regions"]]
    for record in records:
        for key in ("site", "safety_site"):
            if record[key]:
                record[key] = {**SITE_DEFAULTS, **record[key]}
    return {"checked": regions_file.doc["checked"], "regions": records}, []


def _load_provinces(folder, registry, known, years):
    """([record sorted by year], problems) for data/provinces/YYYY.yml; `years` maps year -> checked year doc."""
    validator = _validator(PROVINCES.schema, registry)
    year_files = {path.stem for path in (folder / "years").glob("*.yml")}
    records, problems = [], []
    for path in sorted((folder / "provinces").glob("*.yml")):
        province_file = _File(path, folder)
        if not path.stem.isdigit() or len(path.stem) != 4:
            province_file.add((), "省份文件名必须是四位年份，例如 2025.yml。")
        elif province_file.validate(validator, known):
            for bad_path, message in checks.check_provinces(province_file.doc, path.stem, years, year_files):
                province_file.add(bad_path, message)
        problems += province_file.problems
        if not province_file.problems:
            records.append(_province_record(province_file.doc))
    return sorted(records, key=lambda r: r["year"]), problems


def latest_with(years, field):
    """The newest year whose `field` is a fact that has happened (not "expected"), or None."""
    done = [y for y in years if y.get(field) and y[field]["confidence"] != "expected"]
    return done[-1] if done else None


def resolve_fact(data, dotted):
    """The sourced fact (or list of facts) at a dotted path such as "guides.review.national",
    "rules.levels", "years.2025.score_release" or "years.latest.score_release"; raises KeyError with the reason."""
    parts = dotted.split(".")
    root, rest = parts[0], parts[1:]
    if root == "rules":
        value = data["rules"]
    elif root == "guides" and rest and rest[0] in data["guides"]:
        value, rest = data["guides"][rest[0]], rest[1:]
    elif root == "years" and len(rest) >= 2:
        if rest[0] == "latest":
            value = latest_with(data["years"], rest[1])
        else:
            value = next((y for y in data["years"] if str(y["year"]) == rest[0]), None)
        if value is None:
            raise KeyError("没有 %s 这个年度（可写四位年份或 latest）" % rest[0])
        rest = rest[1:]
    else:
        raise KeyError("路径要以 rules.、guides.主题名. 或 years.年份. 开头（主题名有：%s）"
                       % "、".join(sorted(data["guides"])))
    for key in rest:
        if not isinstance(value, dict) or value.get(key) is None:
            close = difflib.get_close_matches(key, list(value) if isinstance(value, dict) else [], n=1)
            raise KeyError("找不到 “%s” 这一段%s" % (key, "，是不是想写 “%s”" % close[0] if close else ""))
        value = value[key]
    facts = value if isinstance(value, list) else [value]
    if not facts or not all(isinstance(f, dict) and "sources" in f and "confidence" in f for f in facts):
        raise KeyError("这里不是带 sources 和 confidence 的事实")
    return facts


def _load_faq(folder, registry, known, data):
    """({"checked", "entries"}, problems) for data/faq.yml. Each entry gets `cited`: the facts whose sources
    it shows. `data` is None while other files have problems: fact paths are then not followed."""
    faq_file = _File(folder / FAQ.pattern, folder)
    if not faq_file.validate(_validator(FAQ.schema, registry), known):
        return None, faq_file.problems
    for bad_path, message in checks.check_faq(faq_file.doc):
        faq_file.add(bad_path, message)
    if faq_file.problems:
        return None, faq_file.problems
    entries = []
    for i, entry in enumerate(faq_file.doc["entries"]):
        entry = {**FAQ_DEFAULTS, **entry}
        cited = []
        for j, dotted in enumerate(entry["facts"] if data else []):
            try:
                cited += resolve_fact(data, dotted)
            except KeyError as err:
                faq_file.add(("entries", i, "facts", j), "%s 引用不到事实：%s。" % (dotted, err.args[0]))
        if "sources" in entry:
            cited.append({"confidence": entry["confidence"], "sources": entry["sources"], "note": entry["note"]})
        entries.append({**entry, "cited": cited})
    return {"checked": faq_file.doc["checked"], "entries": entries}, faq_file.problems


def load(folder=None):
    """Validated data as {"rules": dict, "years": [dict sorted by year], "guides": {key: dict},
    "provinces": [dict sorted by year], "regions": {"checked", "regions": [dict]}, "faq": {"checked", "entries"},
    "publishers": Publishers, "documents": Documents};
    raises DataError.

    `folder` is a data folder (default: data_dir()); messages name its files as data/….
    """
    folder = pathlib.Path(folder) if folder else data_dir()
    registry = _registry()
    problems = _strays(folder)
    known, registry_problems = _load_registries(folder, registry)
    problems += registry_problems
    rules_file = _File(folder / RULES.pattern, folder)
    if rules_file.validate(_validator(RULES.schema, registry), known):
        for path, message in checks.check_rules(rules_file.doc):
            rules_file.add(path, message)
    problems += rules_file.problems
    rules = rules_file.doc if not rules_file.problems else None

    year_validator = _validator(YEARS.schema, registry)
    years = {}
    for path in sorted((folder / "years").glob("*.yml")):
        year_file = _File(path, folder)
        if not path.stem.isdigit() or len(path.stem) != 4:
            year_file.add((), "年度文件名必须是四位年份，例如 2027.yml。")
        elif year_file.validate(year_validator, known) and rules:
            for bad_path, message in checks.check_year(year_file.doc, path.stem, rules["first_new_system_year"]):
                year_file.add(bad_path, message)
        problems += year_file.problems
        if not year_file.problems:
            years[year_file.doc["year"]] = {"file": year_file.name, "doc": year_file.doc, "line": year_file.line}
    if rules and not problems:
        problems += checks.check_collection(
            years, rules, {"file": rules_file.name, "line": rules_file.line})
    guides, guide_problems = _load_guides(folder, registry, known)
    provinces, province_problems = _load_provinces(folder, registry, known, {y: years[y]["doc"] for y in years})
    regions, region_problems = _load_regions(folder, registry, known)
    problems += guide_problems + province_problems + region_problems
    data = None if problems else {
        "rules": _complete(rules), "years": [_year_record(years[y]["doc"]) for y in sorted(years)],
        "guides": guides, "provinces": provinces, "regions": regions,
        "publishers": known.publishers, "documents": known.documents}
    faq, faq_problems = _load_faq(folder, registry, known, data)
    problems += faq_problems
    if problems:
        raise DataError(problems)
    data["faq"] = faq
    return data


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


def load_engine_data(folder=None):
    return engine_data(load(folder))

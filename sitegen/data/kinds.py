"""Every kind of file in data/, once: where it lives, its JSON Schema, and how templates reach it.

`load()` walks this table, the tests import it (one test case per file), and each file's editor
header names the same schema (`# yaml-language-server: $schema=../schemas/NAME`). A new topic is
one row here plus its schema.
"""
import fnmatch
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SCHEMAS = DATA / "schemas"


def schema_enum(schema, definition):
    """The values a schema's `$defs` entry allows, e.g. the subject ids or the regions, each listed once there."""
    return json.loads((SCHEMAS / schema).read_text("utf-8"))["$defs"][definition]["enum"]


class Kind:
    """One kind of data file: `pattern` (relative to data/, `*` for a year), its schema file name,
    and `key`, the name its records have in the loaded data (for a topic: guides.KEY)."""

    def __init__(self, pattern, schema, key):
        self.pattern = pattern
        self.schema = schema
        self.key = key

    def matches(self, rel):
        return fnmatch.fnmatchcase(rel, self.pattern)

    def __repr__(self):
        return "Kind(%r)" % self.pattern


# Topic files, one subject per file: data/guides/NAME.yml, checked against NAME.schema.json,
# reach the templates as guides.NAME with dashes as underscores (guides.score_query).
TOPICS = ["score-query", "review", "post-exam-check", "certificate", "practice-registration", "specialties", "signup",
          "misinformation"]

RULES = Kind("rules.yml", "rules.schema.json", "rules")
YEARS = Kind("years/*.yml", "year.schema.json", "years")
PROVINCES = Kind("provinces/*.yml", "provinces.schema.json", "provinces")
FAQ = Kind("faq.yml", "faq.schema.json", "faq")
PUBLISHERS = Kind("publishers.yml", "publishers.schema.json", "publishers")
DOCUMENTS = Kind("documents.yml", "documents.schema.json", "documents")
# The exam regions: names, page slugs and official sites (the province enum in guide.schema.json is the same list).
REGIONS = Kind("regions.yml", "regions.schema.json", "regions")
GUIDE_KINDS = [Kind("guides/%s.yml" % name, "%s.schema.json" % name, name.replace("-", "_")) for name in TOPICS]
KINDS = [PUBLISHERS, DOCUMENTS, REGIONS, RULES, YEARS, PROVINCES, *GUIDE_KINDS, FAQ]
# Schemas that no file names directly: definitions the others refer to.
SHARED_SCHEMAS = ["common.schema.json", "guide.schema.json"]


def kind_of(rel):
    """The Kind of a data file given as a path relative to data/ ("years/2025.yml"), or None."""
    return next((kind for kind in KINDS if kind.matches(rel)), None)

"""The data boundary: load data/ (YAML with line numbers), check it, and return plain records.

Every consumer (pages, calculator CLI, calendar, JSON export) calls `load()` or `load_engine_data()`;
nothing else reads data/ directly. Problems come back as `data/file.yml:LINE: …` in Chinese (DataError).
"""
from .kinds import KINDS, SHARED_SCHEMAS, TOPICS, kind_of
from .loader import DATA, ROOT, SCHEMAS, data_dir, engine_data, latest_with, load, load_engine_data, resolve_fact
from .problems import DataError, Problem

__all__ = ["DATA", "KINDS", "ROOT", "SCHEMAS", "SHARED_SCHEMAS", "TOPICS", "DataError", "Problem", "data_dir",
           "engine_data", "kind_of", "latest_with", "load", "load_engine_data", "resolve_fact"]

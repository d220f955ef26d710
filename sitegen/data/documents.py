"""Official documents, each recorded once in data/documents.yml; facts and sources refer to them by number
(or, for a notice without one, by name). Every reference must name a recorded document."""


def key(document):
    return document.get("number") or document["name"]


class Documents:
    def __init__(self, doc):
        self.by_key = {key(d): d for d in doc["documents"]}

    def get(self, name):
        return self.by_key.get(name)


def check_registry(doc):
    """[(path, message)] for data/documents.yml after its schema passed: each document once. (Its `url`, the
    original, is checked with every other address by publishers.check_sources.)"""
    found, seen = [], {}
    for i, document in enumerate(doc["documents"]):
        name = key(document)
        if name in seen:
            found.append((("documents", i), "%s 已经写过（documents[%d]）；每份文件只写一次。" % (name, seen[name] + 1)))
        seen.setdefault(name, i)
    return found


def references(doc):
    """(path, name) of every document a data file refers to: `document` fields at any depth, a year's
    `notices`, and the practice-registration guide's `documents[].number`."""
    found = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, item in value.items():
                if k == "document" and isinstance(item, str):
                    found.append((path + (k,), item))
                elif k == "notices" and isinstance(item, list):
                    found.extend((path + (k, i), name) for i, name in enumerate(item) if isinstance(name, str))
                else:
                    walk(item, path + (k,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))

    walk(doc, ())
    for i, entry in enumerate(doc.get("documents", []) if isinstance(doc.get("documents"), list) else []):
        if isinstance(entry, dict) and "summary" in entry and isinstance(entry.get("number"), str):
            found.append((("documents", i, "number"), entry["number"]))
    return found


def check_references(doc, documents):
    return [(path, "“%s” 没有登记：请先在 data/documents.yml 里写明这份文件（文号或名称、发文机关、标题和来源）。" % name)
            for path, name in references(doc) if documents.get(name) is None]

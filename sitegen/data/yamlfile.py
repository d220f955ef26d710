"""Read a YAML file into plain Python values, remembering the line of every value.

Editors are not programmers, so the loader is deliberately plain: dates, times and
yes/no stay strings (PyYAML would silently turn `2025-12-26` into a date, `10:30` into
630 and `no` into False). Only true/false become booleans. Line numbers let every
error point at `data/file.yml:LINE`.
"""
import re

import yaml


class _PlainLoader(yaml.SafeLoader):
    pass


# Keep every implicit resolver except timestamps and YAML 1.1 booleans; add strict true/false.
_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlainLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


# PyYAML's own wording, in words an editor can act on; anything else is passed through.
_PROBLEMS = [
    ("expected <block end>", "缩进不对：同一层的字段要用同样多的空格对齐。"),
    ("mapping values are not allowed", "这里多了一个冒号：文字里有冒号时，请给整段文字加上引号。"),
    ("found character '\\t'", "不能用 Tab 缩进，请改用空格。"),
    ("could not find expected ':'", "少了冒号：每个字段写成 “名称: 值”，冒号后面要有一个空格。"),
    ("found unexpected end of stream", "引号没有配对：请检查这一行的引号。"),
]


def _explain(problem):
    for needle, words in _PROBLEMS:
        if needle in problem:
            return words
    return problem + "（常见原因：缩进不齐、冒号后少了空格、引号没配对）"


class YamlSyntaxError(Exception):
    def __init__(self, line, problem):
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load(text):
    """Return (value, lines) where lines maps a path tuple such as ('exam', 'days', 0) to a 1-based line."""
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines = {}
        value = _build(loader, node, (), lines)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise YamlSyntaxError(mark.line + 1 if mark else 1, _explain(err.problem or str(err))) from None
    finally:
        loader.dispose()
    return value, lines


def _build(loader, node, path, lines):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if key in result:
                raise YamlSyntaxError(key_node.start_mark.line + 1, "字段 “%s” 写了两次，请删掉一个。" % key)
            result[key] = _build(loader, value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1  # point at "key:", not at the value below it
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node)

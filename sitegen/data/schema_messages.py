"""Turn JSON Schema errors into plain Chinese that tells an editor what to write."""
import difflib
import json

TYPE_NAMES = {
    "string": "文字（日期和时间要加引号）",
    "integer": "整数",
    "number": "数字",
    "array": "列表（每项一行，以 - 开头）",
    "object": "一组字段",
    "boolean": "true 或 false",
    "null": "空值",
}

PATTERN_HINTS = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": '不是 YYYY-MM-DD 格式的日期；请写成带引号的 "2025-12-26" 这种形式',
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": '不是 HH:MM 格式的时间；请写成带引号的 "10:00" 这种形式',
    "^https?://[^\\s]+$": "不是网址；来源必须以 http:// 或 https:// 开头，中间不能有空格",
}


FACT_FIELDS = ["confidence", "note", "sources"]


def _show(value):
    return json.dumps(value, ensure_ascii=False)


def describe(error):
    """(path, sentence) for one jsonschema ValidationError; path points at the offending value."""
    path = tuple(error.absolute_path)
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = set(error.schema.get("properties", {}))
        if error.schema.get("$ref", "").endswith("#/$defs/fact"):  # common.schema.json's sourced fact
            allowed |= set(FACT_FIELDS)
        allowed = sorted(allowed)
        extra = sorted(set(error.instance) - set(allowed))[0]
        close = difflib.get_close_matches(str(extra), allowed, n=1)
        hint = "是不是想写 “%s”？" % close[0] if close else "这里允许的字段有：%s。" % "、".join(allowed)
        return path + (extra,), "不认识的字段 “%s”。%s" % (extra, hint)
    return path, _sentence(error)


def _sentence(error):
    v, schema, value = error.validator, error.validator_value, error.instance
    if v == "required":
        missing = [name for name in schema if isinstance(value, dict) and name not in value]
        name = missing[0] if missing else "?"
        if name == "sources":
            return "缺少 sources：每个事实都要写来源，至少一个 url。"
        if name == "confidence":
            return "缺少 confidence：请写 official、consistent、single-source 或 expected。"
        return "缺少必填字段 “%s”。" % name
    if v == "type":
        return "应为%s，这里写的是 %s。" % (TYPE_NAMES.get(schema, schema), _show(value))
    if v == "pattern":
        return "%s %s。" % (_show(value), PATTERN_HINTS.get(schema, "格式不对（应符合 %s）" % schema))
    if v == "enum":
        return "%s 不是允许的值。允许的值：%s。" % (_show(value), "、".join(str(x) for x in schema))
    if v == "minItems" and error.absolute_path and error.absolute_path[-1] == "sources":
        return "每个事实至少要有一个来源：在 sources 下写 - url: https://…。"
    if v == "minItems":
        return "至少要有 %d 项，这里只有 %d 项。" % (schema, len(value))
    if v == "maxItems":
        return "最多只能有 %d 项，这里有 %d 项。" % (schema, len(value))
    if v == "uniqueItems":
        return "列表里有重复的项：%s。" % _show(value)
    if v == "minLength":
        return "不能为空。"
    if v == "minimum":
        return "应不小于 %s，这里写的是 %s。" % (schema, _show(value))
    if v == "maximum":
        return "应不大于 %s，这里写的是 %s。" % (schema, _show(value))
    if v == "oneOf":
        options = [" 或 ".join(s.get("required", [])) for s in schema]
        return "下面几种写法必须且只能选一种：%s。" % "；".join(options)
    return error.message

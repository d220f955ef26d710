"""The result as JSON text, identical on CPython and MicroPython.

MicroPython's dicts do not keep insertion order, so json.dumps there would shuffle the fields; this
writer puts them in the contract's order and matches CPython's json.dumps(..., ensure_ascii=False).
"""

FIELD_ORDER = ["level", "window_years", "required", "next_exam_year", "status", "certified_year",
               "remaining", "deadline_year", "subjects", "id", "name", "passed_year", "valid_through",
               "usable_next"]

_ESCAPES = {"\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(text):
    out = "\""
    for char in text:
        if char in _ESCAPES:
            out += _ESCAPES[char]
        elif ord(char) < 32:
            out += "\\u%04x" % ord(char)
        else:
            out += char
    return out + "\""


def _key_rank(key):
    # Known fields first, in contract order; anything else after them, alphabetically.
    if key in FIELD_ORDER:
        return (0, FIELD_ORDER.index(key), "")
    return (1, 0, key)


def to_json(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join([to_json(item) for item in value]) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=_key_rank)
        return "{" + ", ".join([_string(k) + ": " + to_json(value[k]) for k in keys]) + "}"
    raise TypeError("cannot write %r as JSON" % (value,))

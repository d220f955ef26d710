"""The calculator page's Python side: runs on MicroPython in a worker (python-worker.js), off the main thread.

The page's script (app.js) owns the DOM. python-worker.js hands this module the engine's data from the
bundle once (`init`); the page then sends the URL query when it opens (`from_query`) and the form's values
on every change (`from_form`). Each call answers with one JSON text (`_reply()` below): what the form should show (level, choices, selected
years), the canonical query for the link, and either the result (`html`, built and escaped by view.py,
and `json`, calculator.to_json of the result, the same object as `python -m calculator --json`) or the
Chinese message (`error`). The engine is the `calculator` package itself, which the worker writes into
MicroPython's file system from the site's Python bundle (sitegen/outputs/vendor.py) along with this module.

Why a worker: starting MicroPython and compiling the package on the main thread blocked it for hundreds
of milliseconds on a phone (Lighthouse total blocking time); in a worker the page stays responsive.
"""
import json

import calculator
import view
from calculator.dates import is_iso_date
from calculator.levels import find_level
from calculator.years import year_choices

DATA = {}


def init(data_text, root):
    """Keep the rules and exam years (JSON text, from the bundle) and the site root as seen from the page."""
    DATA.update(json.loads(data_text))
    DATA["root"] = root
    return True


def _choices(level_id, day, today):
    """The pass years the level's selects offer on `day` (or on `today` when `day` is not a date: the
    result then carries the calculator's message about it), as the selects' values."""
    return [str(y) for y in year_choices(DATA, level_id, day if day and is_iso_date(day) else today)]


def _reply(state, choices, today, given, notes=()):
    """The reply for a page state: form contents and the result or the message.

    `given` holds the year wanted in each select; one the level cannot take on that day shows as
    "not passed yet". A level the page does not know leaves every subject shown, with no choices.
    """
    subjects = [s["id"] for s in DATA["subjects"]]
    level = find_level(DATA, state["level"])
    selects = {}
    for subject_id in subjects:
        value = given.get(subject_id, "")
        selects[subject_id] = value if value in choices else ""
    reply = {
        "level": state["level"] or "",
        "visible": level["subjects"] if level else subjects,
        "choices": choices,
        "selects": selects,
        "today": state["today"] or "",
        "extension": state["extension"] or "",
        "notes": list(notes),
    }
    try:
        result = view.compute(DATA, state, today)
    except calculator.InputError as err:
        reply["error"] = err.message
        return reply
    reply["html"] = view.result_html(DATA, result, state["today"] or today, bool(state["today"]),
                                     state["extension"], DATA["root"])
    reply["json"] = calculator.to_json(result)
    return reply


def from_query(search, today):
    """The page opened with `search` ("?level=...") on `today` (YYYY-MM-DD, China).

    A query with nothing for the calculator gets the form's defaults (the first level, no passes)
    and `query` for the link; a query that cannot be read gets only `error` (the form stays as it is).
    """
    try:
        state = view.state_from_query(DATA, view.parse_query(search))
    except calculator.InputError as err:
        return json.dumps({"error": err.message, "notes": []})
    if state is None:
        level_id = DATA["levels"][0]["id"]
        state = {"level": level_id, "passes": [], "today": None, "extension": None, "ignored": []}
        reply = _reply(state, _choices(level_id, None, today), today, {})
        reply["query"] = view.query_string(DATA, level_id, {})
        return json.dumps(reply)
    notes = []
    if state["ignored"]:
        notes.append("链接中的参数%s与计算无关，已忽略。" % "、".join(["“%s”" % key for key in state["ignored"]]))
    return json.dumps(_reply(state, _choices(state["level"], state["today"], today), today,
                             dict(state["passes"]), notes))


def from_form(form_text, today):
    """The form changed: {"level", "selects": {subject: "2025" or ""}, "today", "extension"} as JSON text.

    Only the level's subjects count; a hidden select keeps its year in case the reader switches back.
    The reply's `query` is the canonical link for the form as it now stands.
    """
    form = json.loads(form_text)
    level_id = form["level"]
    level = find_level(DATA, level_id)
    choices = _choices(level_id, form["today"], today)
    passes = {}
    for subject_id in level["subjects"] if level else []:
        value = form["selects"].get(subject_id, "")
        if value in choices:
            passes[subject_id] = value
    state = {"level": level_id, "today": form["today"] or None, "extension": form["extension"] or None,
             "passes": [(s["id"], passes[s["id"]]) for s in DATA["subjects"] if s["id"] in passes]}
    reply = _reply(state, choices, today, form["selects"])
    reply["query"] = view.query_string(DATA, level_id, passes, state["today"], state["extension"])
    return json.dumps(reply)


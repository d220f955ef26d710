"""Build-time pieces of the calculator page (docs/calculator/index.md).

The page gets: its stylesheet, the form (levels, one select per subject, the extension opt-in, an
optional date), the result region (filled by app.js with what worker.py, on MicroPython in a worker started
from <head>, answers: docs/calculator/python-worker.js), and, for readers without
JavaScript, one table per level of "passed in year X -> valid through year Y" computed by the calculator
package itself.

Every URL is relative to the page, so the site works at a root and under a sub-path (/repo/).
"""
import html

from mkdocs.utils import get_relative_url

import calculator
from calculator.years import year_choices

from ..data import engine_data


def _esc(text):
    return html.escape(str(text), quote=True)


def _url(page, path):
    """`path` (site-relative) as seen from `page`."""
    return get_relative_url(path, page.url)


def head(page):
    """The page's stylesheet. (The worker's start and the preloads of what it fetches first are in
    <head>, in overrides/main.html.)"""
    return '<link rel="stylesheet" href="%s">' % _esc(_url(page, "assets/calculator.css"))


def form(data, today):
    """What the calculator's form shows (sitegen/pages/templates/calculator.html renders it): levels, one
    select per subject with the pass years the first level takes on `today`, the extension opt-ins, the
    earliest day to compute for."""
    rules = data["rules"]
    engine = engine_data(data)
    names = {s["id"]: s["name"] for s in rules["subjects"]}
    first = rules["levels"][0]
    choices = year_choices(engine, first["id"], today)
    return {
        "levels": [{"id": lv["id"], "name": lv["name"], "window_years": lv["window_years"], "who": lv["who"],
                    "checked": lv is first,
                    "subjects_text": "、".join(names[s] for s in lv["subjects"]) if len(lv["subjects"]) < 4
                    else "全部%d科" % len(lv["subjects"])} for lv in rules["levels"]],
        "subjects": [{"id": s["id"], "name": s["name"], "hidden": s["id"] not in first["subjects"],
                      "choices": choices} for s in rules["subjects"]],
        "extensions": rules["extension_years"],
        "first_year": engine["exam_years"][0]["year"],
    }


def validity_rows(data, today):
    """Per level: rows of (pass year, valid through, valid through with the extension or None), from the engine.

    Pass years run from the earliest the rules accept for the level to the last exam that is over on `today`.
    """
    engine = engine_data(data)
    extension = engine["extension_years"][0] if engine["extension_years"] else None
    tables = []
    for level in engine["levels"]:
        subject = level["subjects"][0]
        rows = []
        for year in sorted(year_choices(engine, level["id"], today)):
            plain = calculator.calculate(engine, level["id"], {subject: year}, today)
            row = [year, plain["subjects"][0]["valid_through"], None]
            if extension is not None:
                extended = calculator.calculate(engine, level["id"], {subject: year}, today, extension)
                if extended["subjects"][0]["valid_through"] != row[1]:
                    row[2] = extended["subjects"][0]["valid_through"]
            rows.append(row)
        tables.append({"level": level, "extension": extension, "rows": rows})
    return tables

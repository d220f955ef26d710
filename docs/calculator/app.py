"""The calculator page's glue (PyScript, MicroPython): URL query <-> form <-> calculator <-> result.

The engine is the `calculator` package itself, copied into the site at build time and given to
MicroPython through the page's PyScript config (`files`); the rules and exam years come from the JSON
embedded in the page (#calc-data, written at build time from data/). What is shown is built by view.py.

#calc-result carries either data-json (calculator.to_json of the result, the same object as
`python -m calculator --json`) or data-error (the Chinese message), never both.
"""
import json

from pyscript import document, window
from pyscript.ffi import create_proxy

import calculator
import view
from calculator.dates import days_in_month

DATA = json.loads(document.getElementById("calc-data").textContent)
SUBJECTS = [s["id"] for s in DATA["subjects"]]
APP = document.getElementById("calc-app")
ROOT = APP.getAttribute("data-root")
FORM = document.getElementById("calc-form")
RESULT = document.getElementById("calc-result")
LINK = document.getElementById("calc-link")
COPY_STATUS = document.getElementById("calc-copy-status")
TODAY_INPUT = document.getElementById("calc-today")
EXTENSIONS = [str(year) for year in DATA["extension_years"]]


def china_today():
    """Today's date in China (UTC+8 all year), as YYYY-MM-DD.

    Built from the UTC calendar fields: MicroPython 1.27 truncates large JS numbers such as Date.now()
    to 32 bits when it converts them to Python ints.
    """
    now = window.Date.new()
    year, month, day = int(now.getUTCFullYear()), int(now.getUTCMonth()) + 1, int(now.getUTCDate())
    if int(now.getUTCHours()) >= 16:  # already tomorrow in China
        day += 1
        if day > days_in_month(year, month):
            day, month = 1, month + 1
            if month > 12:
                month, year = 1, year + 1
    return "%04d-%02d-%02d" % (year, month, day)


TODAY = china_today()


def _subject_select(subject_id):
    return document.getElementById("calc-" + subject_id)


def _extension_box(year):
    return document.getElementById("calc-extension-" + year)


def _checked_level():
    checked = FORM.querySelector('input[name="level"]:checked')
    return checked.value if checked else DATA["levels"][0]["id"]


def _form_today():
    text = TODAY_INPUT.value
    return text if text else None


def _level_subjects(level_id):
    for level in DATA["levels"]:
        if level["id"] == level_id:
            return level["subjects"]
    return []


def read_form():
    """The form as {"level", "passes": {subject: "2025"}, "today", "extension"}.

    Only the chosen level's subjects count; a hidden select keeps its year in case the reader switches back.
    """
    level_id = _checked_level()
    passes = {}
    for subject_id in _level_subjects(level_id):
        value = _subject_select(subject_id).value
        if value:
            passes[subject_id] = value
    extension = None
    for year in EXTENSIONS:
        if _extension_box(year).checked:
            extension = year
    return {"level": level_id, "passes": passes, "today": _form_today(), "extension": extension}


def refresh_subjects(level_id, today):
    """Show the level's subjects only, each with the pass years the rules accept on `today`."""
    level = None
    for candidate in DATA["levels"]:
        if candidate["id"] == level_id:
            level = candidate
    choices = view.year_choices(DATA, level_id, today) if level else []
    for subject_id in SUBJECTS:
        select = _subject_select(subject_id)
        select.parentElement.hidden = level is not None and subject_id not in level["subjects"]
        current = select.value
        wanted = [""] + [str(year) for year in choices]
        have = [select.options.item(i).value for i in range(select.options.length)]
        if have != wanted:
            select.replaceChildren()
            for value in wanted:
                option = document.createElement("option")
                option.value = value
                option.textContent = (value + "年") if value else "尚未通过"
                select.appendChild(option)
        select.value = current if current in wanted else ""


def fill_form(state):
    """Put a state read from the URL into the form (values the form cannot show are left at their default)."""
    level_id = state["level"]
    for radio in FORM.querySelectorAll('input[name="level"]'):
        radio.checked = radio.value == level_id
    if state["today"]:
        TODAY_INPUT.value = state["today"]
        TODAY_INPUT.closest("details").open = True
    for year in EXTENSIONS:
        _extension_box(year).checked = state["extension"] == year
    refresh_subjects(level_id, state["today"] or TODAY)
    given = {}
    for subject_id, year in state["passes"]:
        given[subject_id] = year
    for subject_id in SUBJECTS:
        select = _subject_select(subject_id)
        select.value = given.get(subject_id, "")
        if select.value != given.get(subject_id, ""):
            select.value = ""


def show_error(message, notes=()):
    RESULT.removeAttribute("data-json")
    RESULT.setAttribute("data-error", message)
    paragraph = document.createElement("p")
    paragraph.className = "calc-error"
    paragraph.textContent = "无法计算：" + message
    hint = document.createElement("p")
    hint.textContent = "请在上面的表单中重新选择，结果会自动更新。"
    RESULT.replaceChildren(paragraph, hint)
    for note in notes:
        _add_note(note)


def _add_note(text):
    note = document.createElement("p")
    note.className = "calc-note"
    note.textContent = text
    RESULT.appendChild(note)


def show(state, notes=()):
    """Compute `state` and show the result or the message."""
    try:
        result = view.compute(DATA, state, TODAY)
    except calculator.InputError as err:
        show_error(err.message, notes)
        return
    today = state["today"] or TODAY
    RESULT.removeAttribute("data-error")
    RESULT.innerHTML = view.result_html(DATA, result, today, bool(state["today"]), state["extension"], ROOT)
    for note in notes:
        _add_note(note)
    RESULT.setAttribute("data-json", calculator.to_json(result))


def _page_url():
    return str(window.location.href).split("?")[0].split("#")[0]


def on_change(event):
    form = read_form()
    target = event.target
    if target.name in ("level", "today"):
        refresh_subjects(form["level"], form["today"] or TODAY)
        form = read_form()
    query = view.query_string(DATA, form["level"], form["passes"], form["today"], form["extension"])
    window.history.replaceState(None, "", "?" + query)
    LINK.value = _page_url() + "?" + query
    COPY_STATUS.textContent = ""
    passes = []
    for subject_id in SUBJECTS:
        if subject_id in form["passes"]:
            passes.append((subject_id, form["passes"][subject_id]))
    show({"level": form["level"], "passes": passes, "today": form["today"], "extension": form["extension"]})


def _copied(*args):
    COPY_STATUS.textContent = "已复制链接。"


def _select_link(*args):
    """Fallback without the Clipboard API (or when it is refused): select the link for the reader to copy."""
    LINK.focus()
    LINK.select()
    LINK.setSelectionRange(0, len(LINK.value))
    copied = False
    try:
        copied = bool(document.execCommand("copy"))
    except Exception:
        copied = False
    COPY_STATUS.textContent = "已复制链接。" if copied else "链接已选中，请长按或按 Ctrl+C 复制。"


def on_copy(event):
    try:
        clipboard = window.navigator.clipboard
        if not clipboard:
            raise AttributeError("clipboard")
        clipboard.writeText(LINK.value).then(_copied, _select_link)
    except Exception:
        _select_link()


def on_submit(event):
    event.preventDefault()


def start():
    try:
        pairs = view.parse_query(str(window.location.search))
        state = view.state_from_query(DATA, pairs)
    except calculator.InputError as err:
        show_error(err.message)
        LINK.value = str(window.location.href)
        return
    if state is None:
        form = read_form()
        state = {"level": form["level"], "passes": [], "today": None, "extension": None, "ignored": []}
        LINK.value = _page_url() + "?" + view.query_string(DATA, state["level"], {})
    else:
        LINK.value = str(window.location.href)
    fill_form(state)
    notes = []
    if state["ignored"]:
        notes.append("链接中的参数%s与计算无关，已忽略。" % "、".join(["“%s”" % key for key in state["ignored"]]))
    show(state, notes)


FORM.addEventListener("change", create_proxy(on_change))
FORM.addEventListener("submit", create_proxy(on_submit))
document.getElementById("calc-copy").addEventListener("click", create_proxy(on_copy))
try:
    start()
except Exception as err:  # never leave "loading" on screen without a word
    RESULT.removeAttribute("data-json")
    RESULT.setAttribute("data-error", "计算器出错了：%s" % err)
    RESULT.textContent = "计算器出错了，请刷新页面再试。（%s）" % err
    raise

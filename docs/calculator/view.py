"""What the calculator page shows, as pure functions: no DOM, no JavaScript, no I/O.

Runs on MicroPython in the page's worker (worker.py calls it) and on CPython in tests. The rules it
shows (which pass years a level takes, a window's span, the timeline's years) are the calculator package's
(calculator/years.py), which the build uses too. Every string that goes into HTML is escaped here, so
the page can insert the result with innerHTML; error messages, which quote what the reader typed,
are set as text by app.js instead.

The URL query is the page's state (see the calculator contract):
    ?level=full&law=2025&management=2025[&today=YYYY-MM-DD][&extension=2022]
"""
from calculator import InputError, calculate
from calculator.levels import find_level
from calculator.messages import quote as quote_typed
from calculator.years import timeline_columns, window_span

SINGLE = ["level", "today", "extension"]
HEX = "0123456789abcdefABCDEF"
SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
GUIDES = {
    "score-review": ("成绩复核", "差几分没过、怀疑分数有误：成绩公布后可以申请复核。"),
    "post-exam-check": ("考后审核", "全部合格后，部分省份要求交材料审核，错过可能被取消成绩。"),
    "certificate": ("证书", "电子证书加注后下载，纸质证书由各省发放。"),
    "registration": ("注册", "拿到证书后，在单位申请注册才能执业。"),
}


def esc(text):
    """Text safe inside HTML elements and double- or single-quoted attributes."""
    text = str(text)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")):
        text = text.replace(char, entity)
    return text


# --- The query string -------------------------------------------------------------------------------

def unquote(text):
    """Percent-decoding of one query component ("+" is a space), as UTF-8; raises ValueError if not UTF-8."""
    raw = text.replace("+", " ")
    out = bytearray()
    i = 0
    while i < len(raw):
        if raw[i] == "%" and i + 2 < len(raw) and raw[i + 1] in HEX and raw[i + 2] in HEX:
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.extend(raw[i].encode("utf-8"))
            i += 1
    try:
        return bytes(out).decode("utf-8")
    except Exception:
        raise ValueError("not UTF-8")


def quote(text):
    out = ""
    for byte in str(text).encode("utf-8"):
        char = chr(byte)
        out += char if char in SAFE else "%%%02X" % byte
    return out


def parse_query(search):
    """"?a=1&b=2" -> [("a", "1"), ("b", "2")] in order, duplicates kept; raises InputError if undecodable."""
    if search.startswith("?"):
        search = search[1:]
    pairs = []
    for part in search.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        try:
            pairs.append((unquote(key), unquote(value)))
        except ValueError:
            raise InputError("链接中的参数%s无法识别（编码有误）。请在表单中重新选择。" % quote_typed(part))
    return pairs


def state_from_query(data, pairs):
    """The page state from the query's (key, value) pairs; raises InputError for a repeated parameter.

    Returns {"level", "passes": [(subject, year)], "today", "extension", "ignored": [keys]}, or None when
    the query holds nothing for the calculator (the form's defaults apply). Subject parameters are passed
    to the calculator as a list, so a repeated subject gets the calculator's own message. An empty value
    means "not given"; parameters the page does not know (such as those messaging apps append) are ignored.
    """
    subjects = [s["id"] for s in data["subjects"]]
    state = {"level": None, "passes": [], "today": None, "extension": None, "ignored": []}
    seen = []
    known = False
    for key, value in pairs:
        if key in SINGLE:
            if key in seen:
                raise InputError("链接里的参数“%s”出现了不止一次；每个参数只能有一个值。请在表单中重新选择。" % key)
            seen.append(key)
            known = True
            state[key] = value.strip() or None
        elif key in subjects:
            known = True
            if value.strip():
                state["passes"].append((key, value))
        elif key not in state["ignored"]:
            state["ignored"].append(key)
    return state if known else None


def query_string(data, level_id, passes, today=None, extension=None):
    """The query for a form state: level, the level's subjects with a year (canonical order), today, extension."""
    level = find_level(data, level_id)
    parts = ["level=" + quote(level_id)]
    for subject in data["subjects"]:
        year = passes.get(subject["id"])
        if level and subject["id"] in level["subjects"] and year:
            parts.append("%s=%s" % (quote(subject["id"]), quote(year)))
    if today:
        parts.append("today=" + quote(today))
    if extension:
        parts.append("extension=" + quote(extension))
    return "&".join(parts)


# --- Choices and computing ----------------------------------------------------------------------------

def compute(data, state, default_today):
    """calculator.calculate() on the page state; raises InputError with the calculator's Chinese message."""
    return calculate(data, state["level"], state["passes"], state["today"] or default_today, state["extension"])


# --- The result ---------------------------------------------------------------------------------------

def _names(result, ids):
    by_id = {}
    for row in result["subjects"]:
        by_id[row["id"]] = row["name"]
    return "、".join([by_id[i] for i in ids])


def status_sentence(data, result):
    """The result in one sentence."""
    status = result["status"]
    if status == "certified":
        return "已经全部合格：每科成绩在 %d 年都仍然有效，合格年度是 %d 年，不用再考。" % (
            result["certified_year"], result["certified_year"])
    if status == "in_progress":
        if result["deadline_year"] == result["next_exam_year"]:
            return "还没有全部合格：还要通过 %d 科，而且必须在下一次（%d 年）考试中全部通过。" % (
                len(result["remaining"]), result["deadline_year"])
        return "还没有全部合格：还要通过 %d 科，最晚在 %d 年的考试中考完。" % (
            len(result["remaining"]), result["deadline_year"])
    first, last = window_span(data, result)
    passed = [row for row in result["subjects"] if row["passed_year"] is not None]
    span = ("%d 年" % first) if first == last else ("%d–%d 年" % (first, last))
    head = "填写的合格成绩都已过期，不能再用" if passed else "还没有合格的科目"
    return "%s：要在连续 %d 个考试年度内通过%s（从 %d 年考起，就是 %s）。" % (
        head, result["window_years"], _names(result, result["remaining"]), first, span)


def remaining_sentence(result):
    """While in progress: which subjects remain, by which exam year, and which pass lapses after it."""
    lapsing = [row["id"] for row in result["subjects"]
               if row["usable_next"] and row["valid_through"] == result["deadline_year"]]
    return "还需通过：%s。这几科要在 %d 年及以前的考试中通过；过了 %d 年，%s的合格成绩就过期了。" % (
        _names(result, result["remaining"]), result["deadline_year"], result["deadline_year"],
        _names(result, lapsing))


def _pass_state(result, row):
    """("ok" | "lapsed" | "none", words) for one subject: certified passes stay "ok" after their window."""
    if row["passed_year"] is None:
        return "none", "要考"
    if result["status"] == "certified":
        return "ok", "已合格"
    if row["usable_next"]:
        return "ok", "可以沿用"
    return "lapsed", "已过期，要重考"


def _subject_rows(result):
    rows = []
    for row in result["subjects"]:
        mark, state = _pass_state(result, row)
        if row["passed_year"] is None:
            cells = ("尚未通过", "—", state)
        else:
            cells = ("%d年" % row["passed_year"], "%d年" % row["valid_through"], state)
        rows.append('<tr class="calc-row-%s"><th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>'
                    % (mark, esc(row["name"]), esc(cells[0]), esc(cells[1]), esc(cells[2])))
    return rows


def _text_width(text, size=13):
    """Rough width in px of a label: CJK characters are square, the rest about half as wide."""
    return sum([size if ord(char) > 0x2e7f else size * 0.55 for char in text])


def _label(result, row):
    if row["passed_year"] is None:
        return "%s：尚未通过" % row["name"]
    mark, state = _pass_state(result, row)
    return "%s：%d–%d 年有效（%s）" % (row["name"], row["passed_year"], row["valid_through"],
                                   "已过期" if mark == "lapsed" else state)


def timeline_svg(data, result, uid="calc-tl"):
    """Each subject's window across exam years, the next exam marked; role="img" with a text equivalent."""
    col, top, row_h = 46, 34, 42
    widest = max([_text_width(_label(result, row)) for row in result["subjects"]]) + 8
    years = timeline_columns(data, result, max(6, int(widest // col) + 1))
    width, height = col * len(years), top + row_h * len(result["subjects"]) + 4

    def x(year):
        return col * years.index(year)

    described = []
    parts = []
    nxt = x(result["next_exam_year"])
    parts.append('<rect class="tl-next" x="%d" y="16" width="%d" height="%d" rx="4"/>' % (nxt, col, height - 16))
    parts.append('<text class="tl-next-label" x="%d" y="11" text-anchor="middle">下次考试</text>' % (nxt + col // 2))
    for year in years:
        parts.append('<text class="tl-year" x="%d" y="30" text-anchor="middle">%d</text>' % (x(year) + col // 2, year))
    for index, row in enumerate(result["subjects"]):
        y = top + row_h * index
        label = _label(result, row)
        if row["passed_year"] is None:
            described.append(label)
        else:
            mark, state = _pass_state(result, row)
            described.append("%s %d 年合格，有效至 %d 年，%s" % (
                row["name"], row["passed_year"], row["valid_through"], state))
            left = x(row["passed_year"])
            span = x(row["valid_through"]) - left + col
            parts.append('<rect class="tl-bar tl-%s" x="%d" y="%d" width="%d" height="12" rx="3"/>' % (
                mark, left + 3, y + 22, span - 6))
        parts.append('<text class="tl-label" x="4" y="%d">%s</text>' % (y + 15, esc(label)))
    summary = "各科有效期时间线：%s；下次考试是 %d 年。" % ("；".join(described), result["next_exam_year"])
    return ('<svg class="calc-timeline" role="img" aria-labelledby="%s-title" width="%d" height="%d" '
            'viewBox="0 0 %d %d" xmlns="http://www.w3.org/2000/svg"><title id="%s-title">%s</title>%s</svg>'
            % (uid, width, height, width, height, uid, esc(summary), "".join(parts)))


def guide_links(result, root):
    """Guides that apply to this result, as links relative to the page (`root` is the site root from it)."""
    if result["status"] == "certified":
        slugs = ["post-exam-check", "certificate", "registration"]
    else:
        slugs = ["score-review"]
    items = ['<li><a href="%sguides/%s/">%s</a>：%s</li>' % (esc(root), slug, esc(GUIDES[slug][0]), esc(GUIDES[slug][1]))
             for slug in slugs]
    # assets/region.js points this link at the reader's chosen region, when there is one.
    items.append('<li><a class="my-region-link" href="%sprovinces/">我的考区</a>：复核、考后审核和证书的安排和日历。</li>'
                 % esc(root))
    return '<ul class="calc-guides">%s</ul>' % "".join(items)


def basis_sentence(result, today, today_given, extension):
    """What the result was computed for: the day, the next exam, the extension."""
    when = "链接中指定的 %s" % today if today_given else "今天（%s，北京时间）" % today
    text = "按%s计算，下一次考试是 %d 年的考试。" % (when, result["next_exam_year"])
    if extension:
        text += "已按 %s 年顺延一年的规则计算。" % extension
    return text


def result_html(data, result, today, today_given, extension, root):
    """The result region's content (everything escaped)."""
    parts = ['<p class="calc-status calc-status-%s"><strong>%s</strong></p>' % (
        esc(result["status"]), esc(status_sentence(data, result)))]
    if result["status"] == "in_progress":
        parts.append('<p class="calc-remaining">%s</p>' % esc(remaining_sentence(result)))
    parts.append('<div class="calc-table"><table><thead><tr><th scope="col">科目</th><th scope="col">合格年份</th>'
                 '<th scope="col">有效至</th><th scope="col">%s</th></tr></thead><tbody>%s</tbody></table></div>'
                 % ("状态" if result["status"] == "certified" else "%d年考试" % result["next_exam_year"],
                    "".join(_subject_rows(result))))
    parts.append('<div class="calc-timeline-box">%s</div>' % timeline_svg(data, result))
    parts.append('<p class="calc-basis">%s</p>' % esc(basis_sentence(result, today, today_given, extension)))
    parts.append('<p class="calc-guides-title">接下来可能用得上：</p>' + guide_links(result, root))
    return "".join(parts)

"""Build-time pieces of the calculator page (docs/calculator/index.md).

The page gets: its stylesheet, the engine data as embedded JSON, the form (levels, one select per
subject, the extension opt-in, an optional date), the result region, the runtime config for app.js
(which starts worker.py with PyScript on MicroPython, with an explicit, page-relative `interpreter`),
and, for readers without JavaScript, one table per level of "passed in year X -> valid through year Y"
computed by the calculator package itself.

Every URL is relative to the page, so the site works at a root and under a sub-path (/repo/).
"""
import html
import json

from mkdocs.utils import get_relative_url

import calculator
from calculator.years import year_choices

from ..data import engine_data
from ..outputs import vendor

PLUGINS_OFF = ["!" + name for name in vendor.DISABLED_PLUGINS]


def _esc(text):
    return html.escape(str(text), quote=True)


def _url(page, path):
    """`path` (site-relative) as seen from `page`."""
    return get_relative_url(path, page.url)


def root_prefix(page):
    """The site root relative to the page, ending in a slash ("../" for calculator/)."""
    return get_relative_url(".", page.url).rstrip("/") + "/"


def runtime_config(page):
    """What app.js needs to start the PyScript worker: PyScript core, an explicit MicroPython
    `interpreter`, the calculator package as `files` (all page-relative), unused plugins off."""
    files = {_url(page, "%s/%s" % (vendor.SITE_PACKAGE, name)): "./calculator/" + name
             for name in vendor.package_files()}
    files["view.py"] = "./view.py"  # docs/calculator/view.py, next to the page
    return {
        "core": _url(page, vendor.SITE_PYSCRIPT + "/core.js"),
        "interpreter": _url(page, vendor.SITE_MICROPYTHON + "/micropython.mjs"),
        "files": files,
        "plugins": PLUGINS_OFF,
    }


def head(page):
    """The page's stylesheet. No preloads: they competed with the render-blocking CSS and delayed the
    first paint by about a second (Lighthouse LCP 2.9 s with them, 1.5 s without)."""
    return '<link rel="stylesheet" href="%s">' % _esc(_url(page, "assets/calculator.css"))


def embedded_json(value):
    """JSON safe inside <script>: no "</script>", no "<!--" (every "<" becomes \\u003c)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _level_block(level, checked, subject_names):
    return (
        '<label class="calc-level"><input type="radio" name="level" value="%s"%s>'
        '<span><strong>%s</strong> <span class="calc-level-meta">考%s，%d个考试年度</span>'
        '<span class="calc-who">%s</span></span></label>'
        % (_esc(level["id"]), " checked" if checked else "", _esc(level["name"]),
           _esc("、".join(subject_names[s] for s in level["subjects"]) if len(level["subjects"]) < 4
                else "全部%d科" % len(level["subjects"])),
           level["window_years"], _esc(level["who"])))


def _subject_block(subject, level, choices):
    options = ['<option value="">尚未通过</option>'] + [
        '<option value="%d">%d年</option>' % (y, y) for y in choices]
    hidden = "" if subject["id"] in level["subjects"] else " hidden"
    return (
        '<div class="calc-subject" data-subject="%s"%s><label for="calc-%s">%s</label>'
        '<select id="calc-%s" name="%s">%s</select></div>'
        % (_esc(subject["id"]), hidden, _esc(subject["id"]), _esc(subject["name"]),
           _esc(subject["id"]), _esc(subject["id"]), "".join(options)))


def _extension_block(ext):
    return (
        '<div class="calc-ext"><input type="checkbox" id="calc-extension-%d" name="extension" value="%d">'
        '<label for="calc-extension-%d">适用%d年顺延：我的%d年考试被取消，或因当地管控未能参考并经审核同意</label>'
        '<p class="calc-help">%s%s</p></div>'
        % (ext["year"], ext["year"], ext["year"], ext["year"], ext["year"], _esc(ext["summary"]), _esc(ext["who"])))


def app(page, data, today):
    """The whole interactive part: form, result region, share box, embedded data and PyScript tags."""
    rules = data["rules"]
    engine = engine_data(data)
    names = {s["id"]: s["name"] for s in rules["subjects"]}
    first = rules["levels"][0]
    parts = [
        '<div class="calc-app" id="calc-app" data-root="%s">' % _esc(root_prefix(page)),
        '<form id="calc-form" class="calc-form" method="get" autocomplete="off">',
        '<fieldset class="calc-levels"><legend>报考级别</legend>',
        "".join(_level_block(lv, lv is first, names) for lv in rules["levels"]),
        "</fieldset>",
        '<fieldset class="calc-subjects"><legend>各科最近一次合格的年份</legend>',
        "".join(_subject_block(s, first, year_choices(engine, first["id"], today))
                for s in rules["subjects"]),
        "</fieldset>",
    ]
    if rules["extension_years"]:
        parts += ['<fieldset class="calc-exts"><legend>顺延</legend>',
                  "".join(_extension_block(ext) for ext in rules["extension_years"]), "</fieldset>"]
    parts += [
        '<details class="calc-more"><summary>按另一天计算</summary>',
        '<label for="calc-today">计算日期</label> <input type="date" id="calc-today" name="today" min="%d-01-01">'
        % engine["exam_years"][0]["year"],
        '<p class="calc-help">留空时按北京时间的今天计算。可以用来看“出分前”或“明年”的情况。</p></details>',
        "</form>",
        '<h2 id="calc-result-heading">结果</h2>',
        '<section id="calc-result" class="calc-result" aria-live="polite" aria-labelledby="calc-result-heading">',
        '<p class="calc-loading">计算器正在加载……</p>',
        # Shown by CSS after a while if MicroPython never starts (an old browser, WebAssembly blocked);
        # the first result replaces it.
        '<p class="calc-slow">如果一直没有结果，可能是浏览器版本太旧，运行不了计算器。请对照下面的规则和一览表，'
        "或换用新版浏览器。</p>",
        "</section>",
        '<div class="calc-share">',
        '<button type="button" id="calc-copy" class="md-button">复制链接</button>',
        '<span id="calc-copy-status" class="calc-copy-status" role="status"></span>',
        '<label for="calc-link" class="calc-link-label">本结果的链接（可收藏或发给别人，打开即可看到同样的结果）</label>',
        '<input type="text" id="calc-link" class="calc-link" readonly value="">',
        "</div>",
        "</div>",
        '<noscript><p class="calc-noscript">计算器需要 JavaScript。没有 JavaScript 时，请按下面的规则和一览表自行对照。</p>'
        "</noscript>",
        '<script type="application/json" id="calc-data">%s</script>' % embedded_json(engine),
        '<script type="application/json" id="calc-runtime">%s</script>' % embedded_json(runtime_config(page)),
        # PyScript loads its plugins once per interpreter type, each with its own config: without these,
        # core would fetch every plugin chunk for both.
        '<mpy-config hidden>%s</mpy-config>' % _esc(embedded_json({"plugins": PLUGINS_OFF})),
        '<py-config hidden>%s</py-config>' % _esc(embedded_json({"plugins": PLUGINS_OFF})),
        # app.js imports PyScript core and starts worker.py on MicroPython in a worker (see there why).
        '<script type="module" src="app.js"></script>',
    ]
    return "\n".join(parts)


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


def validity_tables(data, today):
    """HTML: one table per level of pass year -> last exam year the pass counts in."""
    out = []
    for table in validity_rows(data, today):
        level, extension = table["level"], table["extension"]
        has_ext = any(row[2] for row in table["rows"])
        head = "<tr><th scope=\"col\">合格年份</th><th scope=\"col\">有效至（含该年考试）</th>%s</tr>" % (
            '<th scope="col">适用%d年顺延的考生</th>' % extension if has_ext else "")
        body = []
        for year, through, extended in table["rows"]:
            cells = "<td>%d年</td><td>%d年</td>" % (year, through)
            if has_ext:
                cells += "<td>%s</td>" % ("%d年" % extended if extended else "不变")
            body.append("<tr>%s</tr>" % cells)
        out.append(
            '<div class="calc-table"><table>'
            "<caption>%s（每科成绩在 %d 个考试年度内有效）</caption><thead>%s</thead><tbody>%s</tbody></table></div>"
            % (_esc(level["name"]), level["window_years"], head, "".join(body)))
    return "\n".join(out)

"""The calculator page in Chromium: shared links give the command line's answer, bad links give its message,
the form drives the result and the URL, nothing leaves the site, and the page still says something without
JavaScript. The command line (`python -m calculator --json`) is the oracle throughout."""
import base64
import json
import re
import sys
import urllib.parse

import pytest

import calculator
from sitegen.outputs import vendor

from ..conftest import ROOT, fixture_engine_data, serve
from .conftest import Calculator, query, run_cli

browser_test = pytest.mark.browser
SCREENSHOT = ROOT / "test-results" / "calculator-390x844.png"

# Shared links for every level and the edge cases; each is compared with the command line.
LINKS = {
    "full, two passes": [("level", "full"), ("law", "2025"), ("management", "2025"), ("today", "2026-11-22")],
    "full, certified": [("level", "full"), ("law", "2022"), ("management", "2023"), ("technology", "2024"),
                        ("practice", "2025"), ("today", "2026-11-22")],
    "exempt-1, certified": [("level", "exempt-1"), ("law", "2024"), ("management", "2025"), ("practice", "2023"),
                            ("today", "2026-11-22")],
    "exempt-2, certified (contract example)": [("level", "exempt-2"), ("law", "2023"), ("practice", "2024"),
                                               ("today", "2026-11-22")],
    "exempt-2, nothing passed": [("level", "exempt-2"), ("today", "2026-11-22")],
    "add-specialty": [("level", "add-specialty"), ("practice", "2026"), ("today", "2026-11-22")],
    "2022 extension (contract example)": [("level", "full"), ("law", "2019"), ("management", "2021"),
                                          ("today", "2023-01-10"), ("extension", "2022")],
    "2018 carry-over": [("level", "full"), ("law", "2018"), ("management", "2020"), ("technology", "2021"),
                        ("today", "2021-12-01")],
    "no valid pass": [("level", "full"), ("law", "2019"), ("management", "2020"), ("today", "2026-11-22")],
    "between exam and score release": [("level", "full"), ("law", "2025"), ("technology", "2024"),
                                       ("today", "2025-12-01")],
    "on the last exam day": [("level", "exempt-2"), ("law", "2025"), ("today", "2026-10-25")],
    "today left out (China's today)": [("level", "full"), ("law", "2025")],
    "parameters in another order": [("today", "2026-11-22"), ("practice", "2024"), ("level", "exempt-2"),
                                    ("law", "2023")],
}
EXPECTED_STATUS = {
    "full, certified": "certified", "exempt-2, nothing passed": "no_valid_pass", "2018 carry-over": "in_progress",
    "no valid pass": "no_valid_pass", "2022 extension (contract example)": "in_progress",
    "exempt-2, certified (contract example)": "certified",
}

# Bad links with a command-line equivalent: the page must show exactly the command line's message.
BAD_LINKS = {
    "script in a year": [("level", "full"), ("law", "<script>alert(1)</script>")],
    "markup in a year": [("level", "full"), ("law", '"><img src=x onerror="window.__xss=1">')],
    "unknown level": [("level", "xyz")],
    "script as level": [("level", "<script>window.__xss=1</script>")],
    "year 1900": [("level", "full"), ("law", "1900")],
    "same subject twice": [("level", "full"), ("law", "2025"), ("law", "2024")],
    "2018 for exempt-1": [("level", "exempt-1"), ("law", "2018")],
    "subject the level does not sit": [("level", "exempt-1"), ("technology", "2024")],
    "exam not over yet": [("level", "full"), ("law", "2026"), ("today", "2026-10-25")],
    "impossible date": [("level", "full"), ("today", "2026-02-30")],
    "extension year not allowed": [("level", "full"), ("extension", "2021")],
    "no level": [("law", "2025")],
}


# --- Shared links ------------------------------------------------------------------------------------

@browser_test
@pytest.mark.parametrize("name", LINKS)
def test_a_shared_link_shows_the_command_lines_answer(calc, name):
    pairs = LINKS[name]
    status, expected, stderr = run_cli(pairs)
    assert status == 0, stderr
    calc.open(query(pairs))
    assert calc.error() is None
    assert calc.json() == expected
    if name in EXPECTED_STATUS:
        assert expected["status"] == EXPECTED_STATUS[name]
    # The form shows the link's state.
    level = dict(pairs)["level"]
    assert calc.page.is_checked('input[name="level"][value="%s"]' % level)
    for key, value in pairs:
        if key not in ("level", "today", "extension"):
            assert calc.page.input_value("#calc-" + key) == value
    assert calc.page.is_checked("#calc-extension-2022") == ("extension" in dict(pairs))
    text = calc.text()
    assert "下次考试" in text or str(expected["next_exam_year"]) in text
    assert calc.page.locator("#calc-result svg[role=img]").get_attribute("aria-labelledby")


@browser_test
@pytest.mark.parametrize("name", BAD_LINKS)
def test_a_bad_link_shows_the_command_lines_message_and_injects_nothing(calc, name):
    pairs = BAD_LINKS[name]
    status, _, stderr = run_cli(pairs)
    assert status == 2 and stderr
    dialogs = []
    calc.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    calc.open(query(pairs))
    assert calc.json() is None
    assert calc.error() == stderr
    assert stderr in calc.text()
    _assert_nothing_injected(calc.page, dialogs)


@browser_test
@pytest.mark.parametrize("search, word", [
    ("?level=full&level=exempt-1", "level"),
    ("?level=full&today=2026-11-22&today=2026-11-23", "today"),
    ("?level=full&law=%FF%FE", "编码"),
])
def test_links_the_command_line_cannot_express_get_a_message_too(calc, search, word):
    calc.open(search)
    assert calc.json() is None
    assert word in calc.error()
    assert calc.error() in calc.text()
    _assert_nothing_injected(calc.page, [])


def _assert_nothing_injected(page, dialogs):
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    scripts = page.eval_on_selector_all("article script", "els => els.map(e => e.type)")
    assert scripts == [], "nothing added (the page's scripts are all in <head>)"
    assert page.locator("#calc-result script, #calc-result img, #calc-result [onerror]").count() == 0
    assert page.locator("#calc-result *").count() <= 4  # the message, a hint and notes: text only


@browser_test
def test_parameters_the_page_does_not_know_are_ignored_with_a_note(calc):
    pairs = LINKS["full, two passes"]
    calc.open(query(pairs + [("from", "singlemessage"), ("isappinstalled", "0")]))
    assert calc.json() == run_cli(pairs)[1]
    assert "from" in calc.text() and "已忽略" in calc.text()


# --- The form ----------------------------------------------------------------------------------------

@browser_test
def test_the_form_updates_the_result_and_the_url_without_a_click(calc):
    page = calc.page
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    calc.open("")
    assert calc.json() == run_cli([("level", "full")])[1]

    page.check('input[name="level"][value="exempt-2"]')
    page.wait_for_url(lambda url: "level=exempt-2" in url)
    visible = [s for s in ["law", "management", "technology", "practice"] if page.is_visible("#calc-" + s)]
    assert visible == ["law", "practice"]
    year = page.eval_on_selector("#calc-law", "s => s.options[1].value")  # the latest exam that is over
    page.select_option("#calc-law", year)
    page.wait_for_url(lambda url: ("law=%s" % year) in url)
    assert calc.query_params() == [("level", "exempt-2"), ("law", year)]
    assert calc.json() == run_cli([("level", "exempt-2"), ("law", year)])[1]
    assert page.input_value("#calc-link") == page.url

    # Keyboard: arrow keys move through the level radios; the law pass is dropped (增报专业 does not sit it).
    page.focus('input[name="level"][value="exempt-2"]')
    page.keyboard.press("ArrowDown")
    page.wait_for_url(lambda url: "level=add-specialty" in url)
    assert calc.query_params() == [("level", "add-specialty")]
    assert calc.json()["level"] == "add-specialty"

    page.check("#calc-extension-2022")
    page.wait_for_url(lambda url: "extension=2022" in url)
    page.click(".calc-more summary")
    page.fill("#calc-today", "2025-12-01")
    page.wait_for_url(lambda url: "today=2025-12-01" in url)
    options = page.eval_on_selector_all("#calc-practice option", "os => os.map(o => o.value)")
    assert options[:2] == ["", "2025"], "on 2025-12-01 the 2025 exam is the latest that is over"
    page.select_option("#calc-practice", "2025")
    pairs = [("level", "add-specialty"), ("practice", "2025"), ("today", "2025-12-01"), ("extension", "2022")]
    page.wait_for_url(lambda url: "practice=2025" in url)
    assert calc.query_params() == pairs
    assert calc.json() == run_cli(pairs)[1]

    # Reloading the URL restores the same form and result.
    before = calc.json()
    calc.open(urllib.parse.urlsplit(page.url).query and "?" + urllib.parse.urlsplit(page.url).query)
    assert calc.json() == before and page.is_checked("#calc-extension-2022")
    _assert_only_loopback(requests)


@browser_test
def test_choices_are_limited_to_years_the_rules_accept(calc):
    calc.open("?level=full&today=2026-11-22")
    years = calc.page.eval_on_selector_all("#calc-law option", "os => os.map(o => o.value)")
    assert years == ["", "2026", "2025", "2024", "2023", "2022", "2021", "2020", "2019", "2018"]
    calc.page.check('input[name="level"][value="exempt-1"]')
    calc.page.wait_for_url(lambda url: "level=exempt-1" in url)
    years = calc.page.eval_on_selector_all("#calc-law option", "os => os.map(o => o.value)")
    assert years[-1] == "2019", "2018 passes count for 考全科 only"
    calc.open("?level=exempt-1&today=2026-10-25")
    years = calc.page.eval_on_selector_all("#calc-law option", "os => os.map(o => o.value)")
    assert years[1] == "2025", "the 2026 exam is still running on its last day"


@browser_test
def test_copy_link_uses_the_clipboard(calc, site_url):
    calc.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    calc.open(query(LINKS["full, two passes"]))
    calc.page.click("#calc-copy")
    calc.page.wait_for_selector("#calc-copy-status:has-text('已复制')")
    assert calc.page.evaluate("navigator.clipboard.readText()") == calc.page.url


@browser_test
def test_copy_link_without_the_clipboard_api_selects_the_link(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    calc = Calculator(context.new_page(), site_url).open(query(LINKS["full, two passes"]))
    calc.page.click("#calc-copy")
    calc.page.wait_for_selector("#calc-copy-status:not(:empty)")
    selected = calc.page.evaluate(
        "(() => { const e = document.activeElement; return [e.id, e.selectionStart, e.selectionEnd, e.value]; })()")
    context.close()
    assert selected[0] == "calc-link"
    assert selected[1:3] == [0, len(selected[3])] and selected[3] == calc.url + query(LINKS["full, two passes"])


# --- Nothing leaves the site, every file is ours -------------------------------------------------------

def _assert_only_loopback(urls):
    hosts = {urllib.parse.urlsplit(url).hostname for url in urls if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, urls


@browser_test
def test_no_request_leaves_the_site_and_none_fails(calc):
    requests, failures = [], []
    calc.page.on("request", lambda request: requests.append(request.url))
    calc.page.on("requestfailed", lambda request: failures.append(request.url))
    calc.page.on("response", lambda response: failures.append(response.url) if response.status >= 400 else None)
    calc.open(query(LINKS["2022 extension (contract example)"]))
    calc.page.wait_for_load_state("networkidle")
    _assert_only_loopback(requests)
    assert failures == []
    fetched = {u.split("/assets/")[1] for u in requests if "/assets/vendor/" in u or "/assets/py/" in u}
    assert fetched == {"vendor/micropython/micropython.mjs", "vendor/micropython/micropython.wasm",
                       "py/calculator.json"}, "MicroPython and one bundle of the calculator's Python, nothing else"
    assert not any(u.endswith((".py", ".map")) for u in requests)


def test_the_site_carries_micropython_and_one_bundle_of_the_workers_modules(built_site):
    files = {p.relative_to(built_site).as_posix() for p in (built_site / "assets").rglob("*")
             if p.is_file() and p.parts[-2] in ("vendor", "micropython", "py")}
    assert files == {"assets/vendor/micropython/micropython.mjs", "assets/vendor/micropython/micropython.wasm",
                     "assets/py/calculator.json"}
    bundle = json.loads((built_site / vendor.SITE_BUNDLE).read_text("utf-8"))
    assert json.loads(bundle["data"]) == fixture_engine_data(), "the engine's data, for the worker to answer on its own"
    expected = {"worker.mpy", "view.mpy"} | {"calculator/%s.mpy" % p.stem for p in (ROOT / "calculator").glob("*.py")
                                            if p.name != "__main__.py"}
    assert set(bundle["modules"]) == expected, "every module the worker may import, and not the command line"
    for path, code in bundle["modules"].items():
        assert base64.b64decode(code)[:2] == b"M\x06", "%s: MicroPython .mpy, format 6" % path
    assert not list(built_site.glob("calculator/*.py")), "the page's Python reaches the browser only in the bundle"


def test_the_worker_names_the_files_the_site_has(built_site):
    """python-worker.js names the runtime and the bundle relative to itself; vendor.py decides where they go."""
    worker = (built_site / "calculator" / "python-worker.js").read_text("utf-8")
    named = re.findall(r'^const \w+ = "(\.\./[^"]+)";', worker, re.M)
    assert sorted(named) == sorted(["../%s/micropython.mjs" % vendor.SITE_MICROPYTHON, "../" + vendor.SITE_BUNDLE])
    for path in named:
        assert (built_site / "calculator" / path).resolve().is_file(), path


@browser_test
def test_when_the_runtime_cannot_load_the_reader_gets_one_plain_sentence(calc):
    errors = []
    calc.page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    calc.page.route("**/micropython.wasm", lambda route: route.abort())
    calc.open(query(LINKS["full, two passes"]))
    assert calc.error() == "计算器出了问题，没能算出结果。"
    assert calc.json() is None
    assert "Error" not in calc.text() and "Traceback" not in calc.text()
    assert errors, "the details go to the console"


@pytest.fixture(scope="module")
def subpath_site(built_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    (root / "repo").symlink_to(built_site, target_is_directory=True)
    url, stop = serve(root)
    yield url + "repo/"
    stop()


@browser_test
def test_the_calculator_works_under_a_sub_path(phone, subpath_site):
    failures = []
    phone.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    calc = Calculator(phone, subpath_site).open(query(LINKS["full, two passes"]))
    assert calc.json() == run_cli(LINKS["full, two passes"])[1]
    assert failures == []
    links = phone.eval_on_selector_all("#calc-result a", "els => els.map(e => e.href)")
    assert links and all("/repo/guides/" in href or href.endswith("/repo/provinces/") for href in links)


# --- Without JavaScript, and how it looks --------------------------------------------------------------

@browser_test
def test_without_javascript_the_rule_and_tables_from_the_engine_are_there(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844},
                                  locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "calculator/")
    engine = fixture_engine_data()
    captions = page.eval_on_selector_all(".calc-table caption", "els => els.map(e => e.textContent)")
    assert [c.split("（")[0] for c in captions] == [lv["name"] for lv in engine["levels"]]
    rows = page.evaluate("[...document.querySelector('.calc-table').querySelectorAll('tbody tr')]"
                         ".map(tr => [...tr.cells].map(td => td.textContent))")
    level = engine["levels"][0]
    for cells in rows:
        year = int(cells[0].rstrip("年"))
        result = calculator.calculate(engine, level["id"], {level["subjects"][0]: year}, "2026-11-22")
        assert cells[1] == "%d年" % result["subjects"][0]["valid_through"]
    assert [r[:2] for r in rows][:2] == [["2018年", "2021年"], ["2019年", "2022年"]]
    assert page.is_visible(".calc-noscript") and not page.is_visible("#calc-form")
    assert "每科单独滚动" in page.inner_text("article")
    assert page.get_attribute("#calc-result", "data-json") is None
    context.close()


@browser_test
def test_screenshot_on_a_phone(calc):
    calc.open(query(LINKS["2022 extension (contract example)"]))
    calc.page.evaluate("document.getElementById('calc-result-heading').scrollIntoView()")
    calc.page.evaluate("window.scrollBy(0, -60)")  # below Material's sticky header
    # Scrolled past the title, Material's header shows the page's name instead of the site's.
    calc.page.wait_for_selector(".md-header__title--active")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    calc.page.screenshot(path=str(SCREENSHOT))
    width = calc.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "nothing is wider than the phone"

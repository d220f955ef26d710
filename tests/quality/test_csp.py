"""Content-Security-Policy: every page has the policy from overrides/main.html, it allows exactly the
inline code the page carries, WebAssembly only where Python runs, no blob: or inline event handlers, and in
Chromium no page reports a single violation or console error.
"""
import pytest

from .conftest import built_pages, page_id, source_pages
from .htmlscan import Page, csp_directives, csp_hash

PYTHON_ROOT = "calc-app"  # the calculator's element: its app.js starts MicroPython in a worker
PYTHON_ONLY = {"script-src": "'wasm-unsafe-eval'"}


@pytest.fixture(scope="module")
def parsed(live_site):
    return {rel: Page((live_site / (rel + "index.html" if not rel.endswith(".html") else rel)).read_text("utf-8"))
            for rel in built_pages(live_site)}


def test_every_page_has_one_policy_in_head(parsed):
    for rel, page in parsed.items():
        assert len(page.csp) == 1, "%s: expected one Content-Security-Policy <meta>, found %d" % (rel, len(page.csp))


def test_the_policy_is_tight(parsed):
    for rel, page in parsed.items():
        policy = csp_directives(page.csp[0])
        assert policy.get("default-src") == ["'self'"], rel
        assert policy.get("object-src") == ["'none'"], rel
        assert policy.get("base-uri") == ["'self'"], rel
        for directive, sources in policy.items():
            assert "'unsafe-inline'" not in sources, "%s: %s allows 'unsafe-inline'" % (rel, directive)
            assert not any(s in ("*", "http:", "https:") or "://" in s for s in sources), \
                "%s: %s allows another host: %s" % (rel, directive, sources)


def test_wasm_only_where_python_runs(parsed):
    """MicroPython needs 'wasm-unsafe-eval'. Nothing needs 'unsafe-eval' or blob: (every worker, the
    calculator's, Material's search and the service worker, is a file of the site)."""
    for rel, page in parsed.items():
        runs_python = PYTHON_ROOT in page.ids
        policy = csp_directives(page.csp[0])
        assert "'unsafe-eval'" not in policy.get("script-src", []), rel
        assert not any("blob:" in sources for sources in policy.values()), rel
        for directive, source in PYTHON_ONLY.items():
            allowed = source in policy.get(directive, [])
            assert allowed == runs_python, "%s: %s %s is %s but the page %s Python" % (
                rel, directive, source, "allowed" if allowed else "not allowed",
                "runs" if runs_python else "does not run")


def test_inline_scripts_and_styles_are_allowed_by_hash(parsed):
    """Each inline script that runs after the policy, and each inline <style>, has its hash in the policy.

    When this fails after a Material upgrade or an edit of overrides/main.html, put the printed hash in
    `inline_scripts` / `inline_styles` there (and drop the old one).
    """
    problems = set()
    for rel, page in parsed.items():
        policy = csp_directives(page.csp[0])
        for text, after_policy, line in page.executed_scripts():
            if after_policy and csp_hash(text) not in policy.get("script-src", []):
                problems.add("inline script (e.g. %s line %d, %r…) needs %s in script-src"
                             % (rel, line, text[:60], csp_hash(text)))
        for text, line in page.styles:
            if csp_hash(text) not in policy.get("style-src", []):
                problems.add("inline <style> (e.g. %s line %d, %r) needs %s in style-src, or move it to a .css file"
                             % (rel, line, text[:60], csp_hash(text)))
    assert not problems, "overrides/main.html:\n" + "\n".join(sorted(problems))


def test_no_inline_event_handlers_or_javascript_urls(parsed):
    found = []
    for rel, page in parsed.items():
        found += ["%s line %d: <%s %s=…>" % (rel, line, tag, attr) for tag, attr, line in page.handlers]
        found += ["%s line %d: <%s %s=\"javascript:…\">" % (rel, line, tag, attr) for tag, attr, line in page.javascript_urls]
        found += ["%s line %d: <%s style=…> (blocked by style-src; use a class)" % (rel, line, tag)
                  for tag, line in page.style_attributes]
    assert not found, "inline handlers, javascript: URLs or style attributes (the CSP blocks them):\n" + "\n".join(found)


@pytest.mark.browser
@pytest.mark.parametrize("rel", source_pages(), ids=page_id)
def test_no_violation_or_console_error_in_chromium(page_loads, rel):
    load = page_loads(rel)
    assert not load.csp_violations, "%s: CSP violations:\n%s" % (rel or "/", "\n".join(load.csp_violations))
    errors = load.console_errors
    assert not errors, "%s: console errors:\n%s" % (rel or "/", "\n".join(errors))

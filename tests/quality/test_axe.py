"""axe-core on every built page, in Chromium with a phone viewport: no serious or critical finding.

Rules: WCAG 2.0 A/AA and 2.1 AA (tags wcag2a, wcag2aa, wcag21aa). axe-core comes from node_modules
(package.json pins it). The calculator page is checked after its first answer is shown.
"""
import json

import pytest

from .conftest import RESULT_READY, built_pages, node_tool, page_id, source_pages

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_context(browser):
    # bypass_csp: axe is injected as an inline <script>, which the site's CSP rightly refuses.
    # CSP itself is checked, with the policy on, in test_csp.py.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN", bypass_csp=True)
    yield context
    context.close()


def describe(violations):
    lines = []
    for v in violations:
        lines.append("%s (%s): %s — %s" % (v["id"], v["impact"], v["help"], v["helpUrl"]))
        for node in v["nodes"][:5]:
            lines.append("    %s\n      %s" % (" ".join(node["target"]) if isinstance(node["target"][0], str)
                                             else json.dumps(node["target"]), node["failureSummary"].replace("\n", "\n      ")))
    return "\n".join(lines)


@pytest.mark.parametrize("rel", source_pages(), ids=page_id)
def test_axe(axe_context, pages_url, rel):
    page = axe_context.new_page()
    try:
        page.goto(pages_url + rel)
        if page.locator("#calc-result").count():
            page.wait_for_selector(RESULT_READY, state="attached", timeout=20_000)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(node_tool("axe-core", "axe.min.js")))
        result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    finally:
        page.close()
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert not blocking, "axe-core on %s:\n%s" % (rel or "/", describe(blocking))


def test_every_built_page_is_checked(live_site):
    missing = sorted(set(built_pages(live_site)) - set(source_pages()))
    assert not missing, "built pages the quality tests do not know (tests/quality/conftest.py source_pages): %s" % missing

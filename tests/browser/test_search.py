"""Chinese search in a real Chromium: words inside sentences must be found (needs jieba at build time)."""
import urllib.parse

import pytest

pytestmark = pytest.mark.browser


# The last five are what readers came for and could not find (issue 15): the subject table, the FAQ on
# pass rates, the 初级 section and how 考后审核 notices arrive.
@pytest.mark.parametrize("word", ["复核", "证书", "滚动", "合格标准", "有效期", "客观题", "合格率", "通过率", "初级", "短信"])
def test_search_finds_chinese_words(phone, site_url, word):
    phone.goto(site_url + "?q=" + urllib.parse.quote(word))
    results = phone.locator(".md-search-result__item")
    results.first.wait_for(state="attached", timeout=10_000)
    assert results.count() > 0
    assert word in phone.locator(".md-search-result").inner_text()


def test_search_for_nonsense_finds_nothing(phone, site_url):
    phone.goto(site_url + "?q=" + urllib.parse.quote("鳄梨火箭"))
    meta = phone.locator(".md-search-result__meta")
    meta.wait_for(timeout=10_000)
    phone.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim().length > 0")
    assert phone.locator(".md-search-result__item").count() == 0


def test_the_index_loads_only_when_search_opens(phone, site_url):
    """sitegen/outputs/lazy_search.py: no page downloads the search index until the reader opens search."""
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(site_url + "timeline/", wait_until="networkidle")
    assert not any("search_index" in url or "lunr" in url for url in requested), requested
    with phone.expect_request(lambda request: "search/search_index.json" in request.url):
        phone.click("label[for=__search]")
    phone.fill("input[data-md-component=search-query]", "复核")
    phone.locator(".md-search-result__item").first.wait_for(state="attached", timeout=10_000)


def test_a_search_result_highlights_the_word_on_its_page(phone, site_url):
    phone.goto(site_url + "guides/score-review/?h=" + urllib.parse.quote("复核"))
    phone.locator("mark[data-md-highlight]").first.wait_for(state="attached", timeout=10_000)
    assert "复核" in phone.locator("mark[data-md-highlight]").first.inner_text()

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

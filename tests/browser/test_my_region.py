""""My region" in a real Chromium: chosen on a region page, remembered on the device, followed from home and
from the calculator's result."""
import pytest

pytestmark = pytest.mark.browser


def test_the_chosen_region_is_remembered_and_linked_from_home_and_index(phone, site_url):
    phone.goto(site_url)
    assert not phone.locator(".my-region").first.is_visible(), "nothing chosen yet: only the link to the index"
    phone.goto(site_url + "provinces/shaanxi/")
    button = phone.get_by_role("button", name="设为我的考区")
    button.click()
    assert "已记住" in phone.locator(".my-region-note").inner_text()
    phone.goto(site_url)
    link = phone.locator("a.my-region-link").first
    link.wait_for(state="visible")
    assert link.get_attribute("href").endswith("/provinces/shaanxi/")
    assert link.inner_text() == "陕西（考后审核：还没有公告）"
    link.click()
    phone.wait_for_url("**/provinces/shaanxi/")
    phone.goto(site_url + "provinces/")
    assert phone.locator("a.my-region-link").get_attribute("href").endswith("/provinces/shaanxi/")
    phone.goto(site_url + "calculator/?level=full&law=2025&management=2025")
    result_link = phone.locator("#calc-result a.my-region-link")
    result_link.wait_for(state="attached")
    assert result_link.get_attribute("href").endswith("/provinces/shaanxi/")
    assert result_link.inner_text() == "陕西"


def test_a_region_page_works_without_storage(browser, site_url):
    """Private modes may refuse localStorage: the button says so instead of failing silently."""
    context = browser.new_context(locale="zh-CN")
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "provinces/bingtuan/")
    page.get_by_role("button", name="设为我的考区").click()
    assert "不允许保存" in page.locator(".my-region-note").inner_text()
    assert errors == []
    context.close()

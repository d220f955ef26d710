"""Offline in WebKit: once the site's service worker controls the calculator page, the page loads again and
answers its link with the network gone (the loopback server stopped, so every request is refused)."""
import urllib.error
import urllib.request

import pytest

from ..browser.conftest import query
from ..browser.test_calculator import LINKS
from ..conftest import serve
from .conftest import calculator_answer, wait_for

pytestmark = pytest.mark.webkit

SERVICE_WORKER = "sw.js"  # at the site root, so that its scope is the whole site
REGISTERED = "return navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active))"
CONTROLLED = "return !!navigator.serviceWorker.controller"


def test_the_service_worker_serves_the_calculator_offline(built_site, start_webkit):
    if not (built_site / SERVICE_WORKER).is_file():
        pytest.skip("the built site has no %s at its root: no service worker to test yet" % SERVICE_WORKER)
    # This test's own server, so that stopping it affects no other test; its new port is a new origin,
    # so nothing is cached or registered for it yet.
    url, stop = serve(built_site)
    browser = start_webkit()
    link = url + "calculator/" + query(LINKS["full, two passes"])
    try:
        online, _ = calculator_answer(browser, link)
        assert online, "no answer online"
        wait_for(browser, REGISTERED, "the service worker did not register and activate")
        if not browser.execute_script(CONTROLLED):
            # A worker that does not claim open pages controls them from their next load.
            calculator_answer(browser, link)
        wait_for(browser, CONTROLLED, "the service worker does not control the page")
    finally:
        stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=10)  # the network is really gone
    browser.refresh()
    shown = browser.find_element("tag name", "body").text[:300]
    assert browser.find_elements("id", "calc-app"), "offline, the calculator page did not load; it shows %r" % shown
    offline, error = calculator_answer(browser)
    assert (offline, error) == (online, None), "offline, the calculator did not give the same answer"

"""WebKit, the engine of every iPhone browser and of WeChat on iOS: Debian's WebKitGTK MiniBrowser, driven
through WebDriver (WebKitWebDriver, from webkit2gtk-driver) with selenium, on a virtual screen (Xvfb).
scripts/ensure-system-packages.sh installs both packages when they are missing."""
import json
import os
import shutil
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"  # `dpkg -L libwebkit2gtk-4.1-0`
RESULT_READY = "#calc-result[data-json], #calc-result[data-error]"
# Generous: MicroPython starts in a worker on a shared, busy machine. Waits end as soon as the condition holds.
TIMEOUT = 60


@pytest.fixture(scope="session")
def display():
    """A virtual screen on a display number Xvfb picks itself (-displayfd), so parallel runs do not clash."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: run `make test`, which installs Debian's xvfb"
    read_end, write_end = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()  # written once the server accepts clients
    assert number, "Xvfb did not start"
    yield ":" + number
    server.terminate()
    server.wait()


@pytest.fixture(scope="session")
def start_webkit(display):
    """A function that starts a new MiniBrowser (fresh profile) under WebKitWebDriver on a free port.
    Every browser started is quit at the end of the session."""
    driver_path = shutil.which("WebKitWebDriver")
    assert driver_path, "WebKitWebDriver is missing: run `make test`, which installs Debian's webkit2gtk-driver"
    assert os.path.exists(MINIBROWSER), MINIBROWSER + " is missing (Debian's libwebkit2gtk-4.1-0)"
    started = []

    def start():
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(executable_path=driver_path, env={**os.environ, "DISPLAY": display})
        browser = webdriver.WebKitGTK(options=options, service=service)
        browser.set_window_size(390, 844)  # a phone's width: the layout readers get
        started.append(browser)
        return browser

    yield start
    for browser in started:
        browser.quit()


@pytest.fixture(scope="session")
def webkit(start_webkit):
    """One MiniBrowser for the tests that only open pages."""
    return start_webkit()


def wait_for(browser, script, message):
    """Wait (up to TIMEOUT) until `script` returns something truthy in the page; return it."""
    return WebDriverWait(browser, TIMEOUT, poll_frequency=0.2).until(
        lambda b: b.execute_script(script), message)


def calculator_answer(browser, url=None):
    """Open a calculator link (or take the page as it is) and wait for its answer:
    (parsed data-json or None, data-error or None)."""
    if url:
        browser.get(url)
    wait_for(browser, "return document.querySelector(%s)" % json.dumps(RESULT_READY),
             "no answer in %ds from %s" % (TIMEOUT, browser.current_url))
    result = browser.find_element("id", "calc-result")
    data = result.get_attribute("data-json")
    return (None if data is None else json.loads(data)), result.get_attribute("data-error")

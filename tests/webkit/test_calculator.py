"""The calculator in WebKit: shared links give the command line's answer, a bad link gets its message.
The link cases are the Chromium suite's (tests/browser/test_calculator.py); the command line is the oracle."""
import pytest

from ..browser.conftest import query, run_cli
from ..browser.test_calculator import BAD_LINKS, LINKS
from .conftest import calculator_answer

pytestmark = pytest.mark.webkit


@pytest.mark.parametrize("name", LINKS)
def test_a_shared_link_shows_the_command_lines_answer(webkit, site_url, name):
    status, expected, stderr = run_cli(LINKS[name])
    assert status == 0, stderr
    data, error = calculator_answer(webkit, site_url + "calculator/" + query(LINKS[name]))
    assert error is None
    assert data == expected
    text = webkit.find_element("id", "calc-result").text
    assert "下次考试" in text or str(expected["next_exam_year"]) in text
    # calculator.css hides the form only when scripting is off (@media (scripting: none)).
    assert webkit.find_element("id", "calc-form").is_displayed()


@pytest.mark.parametrize("name", ["script in a year", "unknown level", "impossible date", "no level"])
def test_a_bad_link_shows_the_command_lines_message(webkit, site_url, name):
    status, _, stderr = run_cli(BAD_LINKS[name])
    assert status == 2 and stderr
    data, error = calculator_answer(webkit, site_url + "calculator/" + query(BAD_LINKS[name]))
    assert data is None
    assert error == stderr
    assert stderr in webkit.find_element("id", "calc-result").text

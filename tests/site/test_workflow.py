"""The Pages workflow rebuilds and deploys every morning China time as well as on every push to main."""
import yaml

from ..conftest import ROOT


def test_the_site_is_rebuilt_and_deployed_daily_in_the_china_morning():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    minute, hour = triggers["schedule"][0]["cron"].split()[:2]
    assert 5 <= (int(hour) + 8) % 24 <= 8, "between 05:00 and 08:00 China time (UTC+8)"
    assert "push" in triggers
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == "github.event_name != 'pull_request'", "a scheduled run deploys too"

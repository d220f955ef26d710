"""Region pages (docs/provinces/): one stub per region in data/regions.yml, all reachable from the home page,
each showing its facts with sources; and the one region list (regions.yml = the schema's province enum)."""
import json
import re

import pytest
import yaml

from sitegen.data import SCHEMAS, load

from ..conftest import LIVE_DATA, ROOT

PROVINCES = ROOT / "docs" / "provinces"
STUB = '---\nregion: {slug}\ndata: [regions, provinces, years]\n---\n{{{{ region_page("{slug}") }}}}\n'


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("folder", [None, LIVE_DATA], ids=["fixture", "live"])
def test_every_region_has_exactly_one_stub_and_every_stub_a_region(folder):
    slugs = [r["slug"] for r in load(folder)["regions"]["regions"]]
    stubs = sorted(p.stem for p in PROVINCES.glob("*.md") if p.name != "index.md")
    assert sorted(slugs) == stubs
    for slug in slugs:
        text = (PROVINCES / ("%s.md" % slug)).read_text("utf-8")
        assert text == STUB.format(slug=slug), "docs/provinces/%s.md must be the three-line stub" % slug
        assert yaml.safe_load(text.split("---")[1])["region"] == slug


def test_the_region_list_is_the_schemas_province_list():
    enum = json.loads((SCHEMAS / "guide.schema.json").read_text("utf-8"))["$defs"]["province"]["enum"]
    regions = load(LIVE_DATA)["regions"]["regions"]
    assert [r["name"] for r in regions] == enum and len(enum) == 32
    assert {"shaanxi", "shanxi", "neimenggu", "bingtuan", "xizang", "heilongjiang"} <= {r["slug"] for r in regions}


def test_every_region_page_is_reachable_from_the_home_page(built_site, fixture_data):
    home = (built_site / "index.html").read_text("utf-8")
    assert 'href="provinces/"' in home
    index = (built_site / "provinces" / "index.html").read_text("utf-8")
    for region in fixture_data["regions"]["regions"]:
        assert 'href="%s/"' % region["slug"] in index, region["slug"]
        assert (built_site / "provinces" / region["slug"] / "index.html").is_file()


def test_a_region_page_shows_current_cycle_unknowns_calendar_and_earlier_years(built_site):
    html = (built_site / "provinces" / "shanxi" / "index.html").read_text("utf-8")
    text = _text(html)
    assert text.index("2026年度") < text.index("还不知道的") < text.index("往年")
    assert "有没有考后审核、什么时候、交什么" in text
    assert "初审 2025年12月29日至2026年1月9日" in text and "山西省应急管理厅" in text
    assert 'href="webcal://' in html and 'provinces/shanxi.ics' in html and 'href="../shanxi.ics"' in html
    assert "预计成绩公布后约 23 天内" in text, "e-certificates expected from the 2021 timing in data"
    assert 'data-region-slug="shanxi"' in html


def test_a_region_site_is_a_link_only_when_a_source_gives_its_address(built_site):
    heilongjiang = (built_site / "provinces" / "heilongjiang" / "index.html").read_text("utf-8")
    assert 'href="http://www.hljrsks.org.cn/"' in heilongjiang and "来源：" in heilongjiang
    tianjin = _text((built_site / "provinces" / "tianjin" / "index.html").read_text("utf-8"))
    assert "本站还没有查到可靠来源写出的网址" in tianjin
    beijing = _text((built_site / "provinces" / "beijing" / "index.html").read_text("utf-8"))
    assert "本站还没有查到可靠的来源，暂不列出" in beijing



def test_the_nav_lists_every_region_page_in_the_data_order():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    section = next(item["各省安排"] for item in config["nav"] if isinstance(item, dict) and "各省安排" in item)
    regions = load(LIVE_DATA)["regions"]["regions"]
    assert section[1:] == [{r["name"]: "provinces/%s.md" % r["slug"]} for r in regions]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; the nav needs neither."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)

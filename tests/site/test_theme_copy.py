"""overrides/base.html is Material's base.html with one change (see its first comment): after a Material
upgrade this fails until the copy is taken again from the new theme and the change made again."""
import pathlib

import material

from ..conftest import ROOT

OURS = ROOT / "overrides" / "base.html"
THEIR_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
THEIR_TOGGLES = (
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n')
OUR_TOGGLES = (
    '    <form id="__md-toggles" autocomplete="off" hidden></form>\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__md-toggles">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__md-toggles">\n')


def test_the_copy_names_the_theme_version_it_was_taken_from():
    assert OURS.read_text("utf-8").startswith("{#- Material for MkDocs %s, templates/base.html" % material.__version__)


def test_the_copy_is_the_themes_file_with_only_the_toggles_changed():
    theirs = (pathlib.Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")
    assert theirs.startswith(THEIR_HEADER) and theirs.count(THEIR_TOGGLES) == 1, "Material's toggles changed"
    ours = OURS.read_text("utf-8")
    our_body = ours[ours.index("-#}\n") + len("-#}\n"):]
    assert our_body == theirs[len(THEIR_HEADER):].replace(THEIR_TOGGLES, OUR_TOGGLES)

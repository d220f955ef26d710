"""Theme files we override whole (overrides/base.html, overrides/partials/search.html) are Material's own with
the changes listed here (see each copy's first comment). After a Material upgrade these fail until the copy is taken
again from the new theme and the change made again, so a change can never silently stop applying."""
import pathlib

import material
import pytest

from ..conftest import ROOT

THEIR_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
THEME = pathlib.Path(material.__file__).parent / "templates"
# file -> [(the theme's text, ours instead)]
EARLY_HEAD = ('    {% include "partials/javascripts/base.html" %}\n'
              '    {% block analytics %}\n'
              '      {% include "partials/integrations/analytics.html" %}\n'
              '    {% endblock %}\n'
              '    {% block extrahead %}{% endblock %}\n')
STYLES = '    {% block styles %}\n'
COPIES = {
    "base.html": [(STYLES, EARLY_HEAD + STYLES), (EARLY_HEAD + "  </head>", "  </head>"), (
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
        '    <form id="__md-toggles" autocomplete="off" hidden></form>\n'
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__md-toggles">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__md-toggles">\n')],
    "partials/search.html": [(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">')],
}


@pytest.mark.parametrize("name", COPIES)
def test_the_copy_names_the_theme_version_it_was_taken_from(name):
    ours = (ROOT / "overrides" / name).read_text("utf-8")
    assert ours.startswith("{#- Material for MkDocs %s, templates/%s" % (material.__version__, name))


@pytest.mark.parametrize("name", COPIES)
def test_the_copy_is_the_themes_file_with_only_its_changes(name):
    theirs = (THEME / name).read_text("utf-8")
    assert theirs.startswith(THEIR_HEADER), "Material's %s changed" % name
    expected = theirs[len(THEIR_HEADER):]
    for old, new in COPIES[name]:
        assert expected.count(old) == 1, "Material's %s changed" % name
        expected = expected.replace(old, new)
    ours = (ROOT / "overrides" / name).read_text("utf-8")
    assert ours[ours.index("-#}\n") + len("-#}\n"):] == expected


def test_the_search_dialog_has_a_name(built_site):
    assert 'data-md-component="search" role="dialog" aria-label="查找"' in (built_site / "index.html").read_text("utf-8")

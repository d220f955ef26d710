"""Build-time side of the site: load and check data/, then feed pages, calendar and JSON exports.

mkdocs-macros loads this package by path (mkdocs.yml `module_name: sitegen`) and calls define_env.
"""


def define_env(env):
    # Imported here so `sitegen.data` (used by the calculator CLI) does not pull in MkDocs.
    from .pages.macros import define_env as define
    define(env)


def on_post_build(env):
    from .pages.macros import on_post_build as post_build
    post_build(env)


def on_post_page_macros(env):
    from .pages.macros import on_post_page_macros as post_page
    post_page(env)

"""Files written beside the pages: calendar, JSON export, Atom feed, robots.txt and the vendored browser runtime."""

"""The site's real content, French first, with its English translation.

Everything the ``load_campus_content`` command builds is plain Python data
here, so that it can be reviewed like code and loaded without any file from
outside the project:

- ``pages``: the page tree (home, about, objectives, pillars, partners, news, press room, contact);
- ``news``: the news index, its categories and the first dated news items;
- ``press``: the press room, listing the news items of the press-release category;
- ``partners``: the members and partners (Partner snippets);
- ``footer``: the footer snippet;
- ``bilingual``: how a value is written once in both languages;
- ``loader``: what builds it, through wagtail-localize.
"""

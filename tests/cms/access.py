"""The public site adds no named Django URLs of its own: every public page, the news
feed (/news/feed/, a route of the news page) and the search page are Wagtail pages,
reached by the page tree, and are checked in test_pages.py. /sitemap.xml and
/robots.txt have rows in tests/accounts/access.py."""

ACCESS = []

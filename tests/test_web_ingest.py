"""HTML pages and RSS feeds (the `web` extra, installed with the test extra)."""


from blocwatch.ingest import read_inputs


PAGE = """<html><head><title>Baku thanks Tehran</title></head><body><nav>Menu</nav>
<article><h1>Baku thanks Tehran</h1><p>Azerbaijan's Foreign Ministry on Wednesday thanked
Iran's Supreme Leader for backing Azerbaijan's territorial integrity, in a statement
published in Baku. The ministry said the remarks were welcome and timely.</p>
<p>Officials in Tehran did not comment on the statement on Wednesday evening, and Iranian
state media carried the news without remarks of their own.</p></article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Russia condemns Ukraine</title><link>http://example.org/1</link>
<pubDate>Mon, 07 Mar 2022 10:00:00 GMT</pubDate>
<description>Russia condemned Ukraine on Monday.</description></item>
</channel></rss>"""


def test_ingest_html_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert "thanked" in doc.text and "Menu" not in doc.text


def test_ingest_rss_feed(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert doc.title == "Russia condemns Ukraine" and str(doc.date) == "2022-03-07"
    assert doc.url == "http://example.org/1"

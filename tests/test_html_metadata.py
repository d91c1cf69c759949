"""An HTML page's own title/date/author (its head, via trafilatura) beat what the cleaner guesses from text."""

from __future__ import annotations

from tui.cleaning.model import page_meta

HTML = """<html><head>
<title>Blockchain alliance formed | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-12">
</head><body><article><h1>Blockchain alliance formed</h1>
<p>By Max Muster, 3 March 2021</p>
<p>China has unveiled a state-backed blockchain alliance featuring big players such as Huobi,
China Telecom and China UnionPay, according to reports from local media outlet Xinhua.</p>
<p>The network has been planned by top-level employees at the NIC and is being independently
developed by China UnionPay and China Mobile, the agency said on Tuesday.</p>
</article></body></html>"""


def test_the_documents_metadata_wins_and_the_cleaner_fills_gaps():
    merged = page_meta(
        {"date": "2019-11-12", "author": None, "source": "example.com"},
        {"date": "2021-03-03", "author": "Max Muster", "section": "World", "found": {}},
    )
    assert merged == {
        "date": "2019-11-12",
        "author": "Max Muster",
        "section": "World",
        "source": "example.com",
    }


def test_an_html_articles_stored_metadata_is_the_pages_own(tmp_path):
    from tui import corpus
    from tui.cleaning import clean
    from tui.store import Store
    from tui.workspace.session import Session

    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    entry = next(iter(corpus.index([tmp_path], None)))
    with Store.open(tmp_path / "db.json", annotator="t") as store:
        session = Session(store, [entry])
        article = session.open_article(entry)
        guessed = clean(article.document.raw).meta
        assert guessed["date"] == "2021-03-03"  # the text alone says otherwise
        stored = store.documents()[0]["metadata"]
        assert stored["date"] == "2019-11-12"
        assert stored["author"] == "Jane Doe"
        assert entry.date == "2019-11-12"

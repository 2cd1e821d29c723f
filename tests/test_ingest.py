"""Ingest: every kind of source, each stored once, failures recorded and retried, polite HTTP
against a local server (never the internet)."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.storehelp import fresh_postgres
from wedlug.cli import main
from wedlug.ingest import FetchOptions, IngestOptions, SourceOptions, ingest
from wedlug.store import open_store

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
QUIET = IngestOptions(progress=False)

TEXTS = {
    "a.txt": "Minister obrony Władysław Kosiniak-Kamysz zapowiedział zakup nowych śmigłowców. "
             "Według resortu umowa zostanie podpisana do końca roku.",
    "b.txt": "Marszałek Sejmu powiedział, że głosowanie nad ustawą odbędzie się w piątek. "
             "Posłowie opozycji zapowiedzieli, że będą przeciw.",
}


def write_texts(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_text_files_are_stored_once_and_changes_replace(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    write_texts(tmp_path / "in", TEXTS)
    first = ingest([str(tmp_path / "in")], db, QUIET)
    assert first.counts["new"] == 2 and first.counts["failed"] == 0
    again = ingest([str(tmp_path / "in")], db, QUIET)
    assert again.counts["unchanged"] == 2 and again.counts["new"] == 0
    (tmp_path / "in" / "b.txt").write_text(TEXTS["b.txt"] + " Dodano aktualizację.", encoding="utf-8")
    changed = ingest([str(tmp_path / "in")], db, QUIET)
    assert changed.counts["changed"] == 1 and changed.counts["unchanged"] == 1
    store = open_store(db)
    assert store.count("articles") == 2 and store.count("sources") == 2
    store.close()


def test_a_failed_source_is_listed_and_tried_again(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    write_texts(tmp_path / "in", TEXTS)
    (tmp_path / "in" / "zly.txt").write_bytes(b"\x00\x01\x02binary\x00")
    summary = ingest([str(tmp_path / "in")], db, QUIET)
    assert summary.counts["failed"] == 1
    assert any("zly.txt" in line and "[binary]" in line for line in summary.lines())
    (tmp_path / "in" / "zly.txt").write_text("Wojewoda powiedział, że drogi są przejezdne.", encoding="utf-8")
    retried = ingest([str(tmp_path / "in")], db, QUIET)
    assert retried.counts["new"] == 1 and retried.counts["failed"] == 0
    store = open_store(db)
    row = store.source(str(tmp_path / "in" / "zly.txt"))
    assert row is not None and row["status"] == "ok" and row["attempts"] == 2
    store.close()


def test_saved_html_keeps_main_text_and_metadata(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    summary = ingest([str(FIXTURES / "strona.html")], db, QUIET)
    assert summary.counts["new"] == 1
    store = open_store(db)
    row = store.db.query("SELECT * FROM articles")[0]
    record = json.loads(row["record"])
    assert row["url"] == record["url"] == "https://portal-testowy.pl/kraj/budzet-2025"
    assert row["published"] == record["published"] == "2024-08-27"
    assert row["title"] == "Rząd przyjął projekt budżetu na 2025 rok"
    assert row["site"] == "Portal Testowy" and row["author"] == "Anna Wiśniewska"
    assert "Deficyt ma wynieść 289 mld zł" in record["text"]
    assert "Polityka prywatności" not in record["text"] and "Pogoda" not in record["text"]
    store.close()


def test_jsonl_with_a_text_field_and_bad_lines(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    options = IngestOptions(sources=SourceOptions(text_field="body", id_field="uuid"), progress=False)
    summary = ingest([str(FIXTURES / "depesze.jsonl")], db, options)
    assert summary.counts["new"] == 2 and summary.counts["failed"] == 2
    codes = sorted(code for _, code, _ in summary.failures)
    assert codes == ["bad_json", "no_text"]
    store = open_store(db)
    rows = store.db.query("SELECT title, published, site FROM articles ORDER BY published")
    assert rows[0] == {"title": "Duda o wydatkach na obronność", "published": "2024-02-14", "site": "PAP"}
    assert store.source(f"{FIXTURES / 'depesze.jsonl'}#pap-002") is not None
    store.close()


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    polish = (FIXTURES / "strona.html").read_bytes()
    english = (b"<html><head><title>Weather</title></head><body><article><p>The government said on "
               b"Tuesday that the budget deficit would rise next year, according to the finance "
               b"minister, who spoke to reporters in the capital after a long cabinet meeting.</p>"
               b"</article></body></html>")
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body, ctype, status in (
                ("https://portal-testowy.pl/kraj/budzet-2025", polish, "text/html; charset=utf-8", "200 OK"),
                ("https://news.example.com/budget", english, "text/html", "200 OK"),
                ("https://portal-testowy.pl/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
                ("https://portal-testowy.pl/brak", b"<html>404</html>", "text/html", "404 Not Found")):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_keeps_polish_html_responses_only(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    summary = ingest([str(tmp_path / "crawl.warc.gz")], str(tmp_path / "news.db"), QUIET)
    assert summary.counts["new"] == 1 and summary.counts["skipped"] == 1
    assert summary.skipped == [("https://news.example.com/budget", "not Polish")]


PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p></article></body></html>"""
PAGES = {
    "/a1.html": ("Sejm uchwalił ustawę o asystencji osobistej",
                 "Sejm uchwalił w piątek ustawę o asystencji osobistej. Minister rodziny powiedziała, "
                 "że z pomocy skorzysta około 100 tysięcy osób."),
    "/a2.html": ("Ceny prądu zamrożone do końca roku",
                 "Rząd zdecydował, że ceny prądu dla gospodarstw domowych pozostaną zamrożone. Według "
                 "ministra klimatu koszt wyniesie 5 mld zł."),
    "/flaky.html": ("Powódź na południu kraju",
                    "Wojewoda dolnośląski poinformował, że woda w Odrze opada. Strażacy zapowiedzieli, "
                    "że akcja potrwa jeszcze kilka dni."),
    "/private/x.html": ("Strona prywatna", "Tej strony robot nie powinien pobrać."),
}


class Site(BaseHTTPRequestHandler):
    """A news site on 127.0.0.1: robots.txt, a feed, pages with ETag and Last-Modified, a 503."""

    log: list[tuple[str, str, str | None, float]] = []
    flaky_left = 1

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        Site.log.append((self.path, self.headers.get("User-Agent", ""),
                         self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"),
                         time.monotonic()))
        if self.path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/feed.xml":
            return self._send(200, self._feed().encode("utf-8"), "application/rss+xml")
        if self.path == "/flaky.html" and Site.flaky_left > 0:
            Site.flaky_left -= 1
            return self._send(503, b"busy", "text/plain")
        if self.path not in PAGES:
            return self._send(404, b"not here", "text/plain")
        if self.path == "/a1.html" and self.headers.get("If-None-Match") == '"v1"':
            return self._send(304, b"", "text/html")
        if self.path == "/a2.html" and self.headers.get("If-Modified-Since"):
            return self._send(304, b"", "text/html")
        title, body = PAGES[self.path]
        extra = {"/a1.html": ("ETag", '"v1"'), "/a2.html": ("Last-Modified", "Tue, 27 Aug 2024 08:00:00 GMT")}
        self._send(200, PAGE.format(title=title, body=body).encode("utf-8"), "text/html; charset=utf-8",
                   extra.get(self.path))

    def _feed(self) -> str:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        items = "".join(f"<item><title>{t}</title><link>{base}{p}</link>"
                        f"<pubDate>Tue, 27 Aug 2024 08:00:00 GMT</pubDate></item>"
                        for p, (t, _) in PAGES.items())
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>{items}</channel></rss>'

    def _send(self, status: int, body: bytes, ctype: str, header: tuple[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if header:
            self.send_header(*header)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    Site.log, Site.flaky_left = [], 1
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_pages_fetched_politely_then_conditionally(site: str, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    fetch = FetchOptions(user_agent="wedlug-test/1", delay=0.05, backoff=0.01, retries=2, timeout=5)
    options = IngestOptions(sources=SourceOptions(fetch=fetch), progress=False)
    first = ingest([f"{site}/feed.xml"], db, options)
    assert first.counts["new"] == 3 and first.counts["skipped"] == 1 and first.counts["failed"] == 0
    paths = [entry[0] for entry in Site.log]
    assert "/private/x.html" not in paths and paths.count("/robots.txt") == 1
    assert paths.count("/flaky.html") == 2  # a 503, then a retry after back-off
    assert {entry[1] for entry in Site.log} == {"wedlug-test/1"}
    gaps = [b[3] - a[3] for a, b in zip(Site.log, Site.log[1:])]
    assert min(gaps) >= 0.05  # the per-host delay, counted from the end of a response
    store = open_store(db)
    row = store.db.query("SELECT url, published, title FROM articles WHERE url LIKE '%a1.html'")[0]
    assert row["published"] == "2024-08-27" and row["title"].startswith("Sejm uchwalił")
    store.close()

    Site.log = []
    again = ingest([f"{site}/feed.xml"], db, options)
    assert again.counts["unchanged"] == 3 and again.counts["new"] == 0
    conditional = {entry[0]: entry[2] for entry in Site.log}
    assert conditional["/a1.html"] == '"v1"' and conditional["/a2.html"] is not None


def test_an_unreachable_feed_is_a_failure_with_its_reason(tmp_path: Path) -> None:
    fetch = FetchOptions(delay=0, backoff=0.01, retries=1, timeout=1)
    options = IngestOptions(sources=SourceOptions(fetch=fetch), progress=False)
    summary = ingest(["http://127.0.0.1:9/feed.xml"], str(tmp_path / "news.db"), options)
    assert summary.counts["failed"] == 1 and summary.failures[0][1] == "network_error"


def test_syndicated_copy_is_a_near_duplicate(tmp_path: Path) -> None:
    story = ("Prezes Narodowego Banku Polskiego Adam Glapiński powiedział w czwartek, że stopy procentowe "
             "pozostaną bez zmian co najmniej do końca roku. Według prezesa inflacja spadnie poniżej "
             "5 proc. w przyszłym kwartale, a złoty pozostanie stabilny wobec euro i dolara.")
    write_texts(tmp_path / "in", {"pap.txt": story,
                                  "portal.txt": story + "\nZobacz też: Kursy walut na dziś"})
    summary = ingest([str(tmp_path / "in")], str(tmp_path / "news.db"), QUIET)
    assert summary.counts["new"] == 1 and summary.counts["near_duplicate"] == 1


def test_ingest_command_prints_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_texts(tmp_path / "in", TEXTS)
    status = main(["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "news.db"), "-q"])
    err = capsys.readouterr().err
    assert status == 0 and "2 new, 0 unchanged, 0 near-duplicate, 0 failed" in err
    status = main(["ingest", str(tmp_path / "in"), str(tmp_path / "brak"), "--db", str(tmp_path / "news.db")])
    err = capsys.readouterr().err
    assert status == 1 and "0 new, 2 unchanged" in err and "[not_found]" in err


def test_ingest_into_postgresql(tmp_path: Path) -> None:
    write_texts(tmp_path / "in", TEXTS)
    for url in fresh_postgres():
        assert ingest([str(tmp_path / "in")], url, QUIET).counts["new"] == 2
        assert ingest([str(tmp_path / "in")], url, QUIET).counts["unchanged"] == 2
        store = open_store(url)
        assert store.count("articles") == 2
        store.close()

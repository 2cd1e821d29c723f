"""Polite HTTP: a named User-Agent, timeouts, retries with back-off, a delay per host,
conditional GET (ETag, Last-Modified), and robots.txt respected."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from wedlug import __version__

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely to fetch: the defaults suit a news site that did not invite us."""

    user_agent: str = f"wedlug/{__version__} (+https://github.com/wedlug; Polish news research)"
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    delay: float = 1.0  # seconds between two requests to the same host
    robots: bool = True


class FetchError(Exception):
    """A page that could not be fetched: `code` is stable, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class Page:
    """A fetched response: status 200 with a body, or 304 (not modified) without."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetcher:
    """Fetch pages politely; one per ingest run (it remembers hosts and their robots.txt)."""

    options: FetchOptions = field(default_factory=FetchOptions)
    client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(
                headers={"User-Agent": self.options.user_agent}, timeout=self.options.timeout,
                follow_redirects=True)

    def close(self) -> None:
        """Close the connections."""
        if self.client is not None:
            self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch `url` (conditionally when validators are given); raise FetchError on failure."""
        if self.options.robots and not self.allowed(url):
            raise FetchError("robots_disallowed", f"{url}: robots.txt disallows it for our user agent")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        if response.status_code == 304:
            return Page(url, 304, etag=etag, last_modified=last_modified)
        if response.status_code != 200:
            raise FetchError("http_error", f"{url}: HTTP {response.status_code}")
        return Page(str(response.url), 200, response.content,
                    response.headers.get("Content-Type", ""), response.headers.get("ETag"),
                    response.headers.get("Last-Modified"))

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """GET with retries on timeouts, dropped connections, 429 and 5xx, backing off."""
        assert self.client is not None
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._wait_for_host(url)
            try:
                response = self.client.get(url, headers=headers)
            except httpx.HTTPError as err:
                self._done_with_host(url)
                if attempt + 1 == attempts:
                    raise FetchError("network_error", f"{url}: {type(err).__name__} after "
                                                      f"{attempts} tries: {err}") from err
            else:
                self._done_with_host(url)
                if response.status_code not in RETRY_STATUSES:
                    return response
                if attempt + 1 == attempts:
                    raise FetchError("http_error",
                                     f"{url}: HTTP {response.status_code} after {attempts} tries")
            time.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return float(self.options.backoff * (2 ** attempt))

    def _wait_for_host(self, url: str) -> None:
        """Sleep until `delay` seconds have passed since the host's last response."""
        last = self._last.get(urlsplit(url).netloc)
        if last is not None:
            pause = self.options.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)

    def _done_with_host(self, url: str) -> None:
        # Counted from the end of a response: a slow server gets more time to breathe.
        self._last[urlsplit(url).netloc] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Tell whether the host's robots.txt lets our user agent fetch `url`."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """Return the parsed robots.txt; None (everything allowed) when there is none."""
        try:
            response = self._request(f"{origin}/robots.txt", {})
        except FetchError:
            return None
        if response.status_code in (401, 403):
            # What the robots.txt convention says: a forbidden robots.txt forbids everything.
            rules = urllib.robotparser.RobotFileParser()
            # Set by parse() on "Disallow: /" for every agent; missing from the type stubs.
            rules.disallow_all = True  # type: ignore[attr-defined]
            return rules
        if response.status_code != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.text.splitlines())
        return rules

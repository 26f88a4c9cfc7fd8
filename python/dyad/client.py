"""A client of dyad's HTTP API (`dyad serve`): store articles, page through events, aggregate."""

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Iterator, Optional

from .local import Article, DyadError, _json_lines


class Client:
    """The API of a running `dyad serve` at `base_url`; `token` is needed for writes."""

    def __init__(self, base_url: str = "http://127.0.0.1:8080", token: Optional[str] = None,
                 timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(self, method: str, path: str, params=None, body: Optional[bytes] = None):
        query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None})
        url = f"{self.base_url}{path}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, data=body, method=method)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if body is not None:
            request.add_header("Content-Type", "application/x-ndjson")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")
            raise DyadError(f"{method} {path}: HTTP {error.code}: {detail}") from None
        except urllib.error.URLError as error:
            raise DyadError(f"{method} {url}: {error.reason} (is `dyad serve` running?)") from None

    def ingest(self, articles: Iterable[Article]) -> dict:
        """Codes and stores articles; returns the tally (`read`, `added`, `events`, `problems`...)."""
        return self._request("POST", "/api/articles", body=_json_lines(articles))

    def events(self, **filters) -> dict:
        """One page of stored events: `{"events": [...], "next_after": id or None}`. Filters as
        the API names them: `actor`, `dyad`, `code`, `root`, `quad`, `country`, `from`, `to`,
        `text`, `limit`, `after`... (`from_` is accepted for `from`)."""
        if "from_" in filters:
            filters["from"] = filters.pop("from_")
        return self._request("GET", "/api/events", filters)

    def all_events(self, **filters) -> Iterator[dict]:
        """Every stored event matching the filters, page after page."""
        after = filters.pop("after", None)
        while True:
            page = self.events(after=after, **filters)
            yield from page["events"]
            after = page.get("next_after")
            if after is None:
                return

    def aggregate(self, **params) -> dict:
        """`{"rows": [...]}`: event counts by period (`by`: day, week, month or year) and/or
        `group` (actor or dyad), under the same filters as `events`."""
        return self._request("GET", "/api/aggregate", params)

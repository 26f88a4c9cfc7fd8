"""Tests of the Python package against the dyad binary of this checkout (built by cargo)."""

import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dyad  # noqa: E402

ARTICLE = {
    "id": "a1",
    "date": "2020-09-04",
    "text": "Russia accused Ukraine of shelling civilian areas on Thursday.",
}


def triples(events):
    return [(e["source"]["code"], (e.get("target") or {}).get("code"), e["code"]) for e in events]


class LocalTest(unittest.TestCase):
    def test_code_gives_events_with_spans_and_stats(self):
        coded = dyad.code([ARTICLE])
        self.assertEqual(triples(coded.events), [("RUS", "UKR", "112")])
        event = coded.events[0]
        text = ARTICLE["text"].encode("utf-8")
        source = event["source"]
        self.assertEqual(text[source["start"]:source["end"]].decode(), "Russia")
        self.assertEqual(event["date"], "2020-09-03")
        self.assertEqual(coded.diagnostics, [])
        self.assertEqual(coded.stats["articles"], 1)
        self.assertEqual(coded.stats["events"], 1)

    def test_plain_strings_and_dates_are_articles(self):
        import datetime

        coded = dyad.code(
            ["Russia accused Ukraine of shelling.",
             {"text": "France criticized Germany.", "date": datetime.date(2021, 5, 6)}]
        )
        self.assertEqual([e["article_id"] for e in coded.events], ["article-1", "article-2"])
        self.assertEqual(coded.events[1]["date"], "2021-05-06")

    def test_a_bad_article_is_a_diagnostic_and_the_rest_is_coded(self):
        coded = dyad.code([{"id": "empty"}, ARTICLE])
        self.assertEqual(triples(coded.events), [("RUS", "UKR", "112")])
        self.assertEqual(len(coded.diagnostics), 1, coded.diagnostics)
        self.assertIn("empty", coded.diagnostics[0])

    def test_nothing_readable_raises(self):
        with self.assertRaises(dyad.DyadError):
            dyad.code([{"id": "empty"}])
        with self.assertRaises(dyad.DyadError):
            dyad.code([ARTICLE], binary="/nonexistent/dyad")

    def test_segment_finds_the_dateline_and_sentences(self):
        [document] = dyad.segment(["MOSCOW, September 4. /TASS/. Russia spoke. Ukraine did not."])
        self.assertEqual(document["dateline"]["place"], "MOSCOW")
        self.assertEqual(document["dateline"]["agency"], "TASS")
        self.assertEqual([s["text"] for s in document["sentences"]],
                         ["Russia spoke.", "Ukraine did not."])

    def test_flatten_makes_flat_rows(self):
        [row] = dyad.flatten(dyad.code([ARTICLE]).events)
        self.assertEqual((row["source_code"], row["target_code"], row["verb"]),
                         ("RUS", "UKR", "accused"))
        self.assertFalse(any(isinstance(v, (dict, list)) for v in row.values()))


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        log_path = os.path.join(cls.folder.name, "serve.log")
        with open(log_path, "w") as log:
            # Port 0: the server picks a free port and prints where it listens.
            cls.server = subprocess.Popen(
                [dyad.find_binary(), "serve", "--store", os.path.join(cls.folder.name, "t.db"),
                 "--addr", "127.0.0.1:0", "--token", "secret"],
                stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.time() + 60
        while True:
            found = re.search(r"listening on (http://\S+)", Path(log_path).read_text())
            if found:
                cls.url = found.group(1).rstrip("/")
                break
            if time.time() > deadline or cls.server.poll() is not None:
                cls.server.kill()
                raise RuntimeError("dyad serve did not start: " + Path(log_path).read_text())
            time.sleep(0.1)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=10)
        cls.folder.cleanup()

    def test_ingest_then_query_and_aggregate(self):
        client = dyad.Client(self.url, token="secret")
        tally = client.ingest([ARTICLE, {"id": "a2", "date": "2020-09-05",
                                         "text": "France criticized Germany."}])
        self.assertEqual((tally["read"], tally["added"]), (2, 2), tally)
        page = client.events(actor="RUS")
        self.assertEqual(triples(page["events"]), [("RUS", "UKR", "112")])
        everything = list(client.all_events(limit=1))
        self.assertEqual(len(everything), 2)
        rows = client.aggregate(group="actor")["rows"]
        self.assertTrue(rows, rows)

    def test_no_server_is_a_dyad_error(self):
        with self.assertRaises(dyad.DyadError) as caught:
            dyad.Client("http://127.0.0.1:9", timeout=5).events()
        self.assertIn("dyad serve", str(caught.exception))

    def test_writes_need_the_token_and_errors_name_the_request(self):
        with self.assertRaises(dyad.DyadError) as caught:
            dyad.Client(self.url).ingest([ARTICLE])
        self.assertIn("401", str(caught.exception))
        with self.assertRaises(dyad.DyadError) as caught:
            dyad.Client(self.url).events(quad="nine")
        self.assertIn("400", str(caught.exception))


if __name__ == "__main__":
    unittest.main()

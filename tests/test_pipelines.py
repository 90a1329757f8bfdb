"""The item pipelines driven like Scrapy drives them (no network): validate → normalize → dedupe → store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from pipelines.engine import DedupePipeline, NormalizePipeline, StorePipeline, ValidatePipeline
from pipelines.normalize import content_hash
from pipelines.path import ArchivePath
from scraper.extract.page import extract
from scraper.items import Alias, Article, Duplicate, Listing, Original, Reject, Teaser
from scraper.profiles import Profile, get_profile
from scraper.storage import ArchiveError

ROOT = Path(__file__).resolve().parent.parent
COURRIER = get_profile("courrier")
WWW = "https://www.lecourrierdesstrateges.fr"
BODY = " ".join(f"Paragraphe {i} : l’armée « avance » vers la frontière." for i in range(12))


class ProfileSpider(Spider):
    name = "test-spider"

    def __init__(self, profile: Profile | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.profile = profile


@dataclass
class Run:
    """The four pipelines of one crawl, with its crawler, spider and archive path."""

    crawler: Crawler
    spider: ProfileSpider
    path: Path
    stages: list[Any] = field(default_factory=list)

    def feed(self, items: Iterable[Any]) -> list[Any]:
        """Pass items through every stage, as the engine would; dropped items are left out."""
        out = []
        for item in items:
            try:
                for stage in self.stages:
                    item = stage.process_item(item)
            except DropItem:
                continue
            out.append(item)
        return out

    def close(self, reason: str = "finished") -> None:
        for stage in self.stages:
            if hasattr(stage, "close_spider"):
                stage.close_spider()
        self.crawler.signals.send_catch_log(
            signal=signals.spider_closed, spider=self.spider, reason=reason
        )

    @property
    def stats(self) -> dict[str, Any]:
        assert self.crawler.stats is not None
        return self.crawler.stats.get_stats()

    def rows(self, sql: str) -> list[tuple]:
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()


def start(
    path: Path,
    profile: Profile | None = COURRIER,
    settings: dict[str, Any] | None = None,
    stages: tuple[type, ...] = (ValidatePipeline, NormalizePipeline, DedupePipeline, StorePipeline),
) -> Run:
    crawler = get_crawler(
        ProfileSpider, {"ARCHIVE_PATH": str(path), "ARCHIVE_BATCH_SIZE": 100, **(settings or {})}
    )
    spider = ProfileSpider.from_crawler(crawler, profile=profile)
    crawler.spider = spider
    run = Run(crawler, spider, path, [cls.from_crawler(crawler) for cls in stages])
    for stage in run.stages:
        if hasattr(stage, "open_spider"):
            stage.open_spider()
    return run


def article(url: str = f"{WWW}/slug/", **fields: Any) -> Article:
    values: dict[str, Any] = {"title": "Titre", "body": BODY, "site": "courrier", **fields}
    return Article(url=url, **values)


# --- validate ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"title": None}, "no_title"),
        ({"title": " \u00a0 "}, "no_title"),
        ({"body": ""}, "no_body"),
        ({"body": "Trop court."}, "no_body"),
        ({"body": "Lire la suite", "members_only": True}, None),
        ({"body": "", "members_only": True}, None),
        ({}, None),
    ],
)
def test_validate_turns_unusable_articles_into_rejects(
    db_path: Path, fields: dict, reason: str | None
) -> None:
    run = start(db_path, stages=(ValidatePipeline,))
    (out,) = run.feed([article(**fields)])
    if reason is None:
        assert isinstance(out, Article)
    else:
        assert out == Reject(
            url=f"{WWW}/slug/", reason=reason, site="courrier", title=fields.get("title", "Titre")
        )


def test_validate_drops_article_without_url_with_a_stat(db_path: Path) -> None:
    run = start(db_path, stages=(ValidatePipeline,))
    assert run.feed([Article(title="x", body=BODY)]) == []
    assert run.stats["archive/rejected/no_url"] == 1


def test_rejects_are_recorded_and_counted(db_path: Path) -> None:
    run = start(db_path)
    run.feed(
        [article(body="Vide."), Reject(url=f"{WWW}/broken/?utm_source=x", reason="parse_error")]
    )
    run.close()
    assert sorted(run.rows("SELECT url, reason, site FROM rejects")) == [
        (f"{WWW}/broken/", "parse_error", "courrier"),
        (f"{WWW}/slug/", "no_body", "courrier"),
    ]
    assert run.stats["archive/rejected/no_body"] == 1
    assert run.stats["archive/rejected/parse_error"] == 1
    assert run.rows("SELECT rejects FROM crawls") == [(2,)]


# --- normalize -----------------------------------------------------------------------


def test_normalize_cleans_text_and_urls(db_path: Path) -> None:
    run = start(db_path, stages=(NormalizePipeline,))
    decomposed = unicodedata.normalize("NFD", "Élysée")
    (out,) = run.feed(
        [
            article(
                url=f"{WWW}/slug/?utm_source=tw&fbclid=1#comments",
                title=f"  {decomposed}\u00a0: la\u202fréponse ",
                body="Premier  paragraphe\nsuite.\n\n\n  Second\u00a0paragraphe. \n",
                authors=[" Anne  Dupont", "", "Anne\u00a0Dupont", "Anne Dupont"],
                tags=["Proche\u202fOrient", "Proche Orient"],
                aliases=[f"{WWW}/slug/?ref=home", "http://lecourrierdesstrateges.fr/?p=12"],
                teasers=[
                    Teaser(
                        url=f"{WWW}/autre/?utm_medium=email",
                        title=" Autre\u00a0titre ",
                        authors=["Jean\u00a0Roe"],
                    )
                ],
                site=None,
            )
        ]
    )
    assert out.url == f"{WWW}/slug/"
    assert out.title == "Élysée\u00a0: la\u202fréponse"  # French no-break spaces are text
    assert unicodedata.is_normalized("NFC", out.title)
    assert out.body == "Premier paragraphe suite.\n\nSecond\u00a0paragraphe."
    assert out.authors == ["Anne Dupont"]  # a name's spaces are plain: one author, queryable
    assert out.tags == ["Proche Orient"]
    assert out.teasers[0].authors == ["Jean Roe"]
    assert out.aliases == [f"{WWW}/slug/", "http://lecourrierdesstrateges.fr/?p=12"]
    assert out.teasers[0].url == f"{WWW}/autre/"
    assert out.teasers[0].title == "Autre\u00a0titre"
    assert out.word_count == 5
    assert out.content_hash == content_hash(out.body)
    assert out.site == "courrier"


def test_normalize_maps_real_hosts_onto_a_rebased_profile(db_path: Path) -> None:
    run = start(
        db_path, profile=COURRIER.rebase("http://127.0.0.1:8080/"), stages=(NormalizePipeline,)
    )
    listing, alias = run.feed(
        [
            Listing(url="http://127.0.0.1:8080/", teasers=[Teaser(url=f"{WWW}/slug/?ref=x")]),
            Alias(url=f"{WWW}/2023/03/14/slug/", target="http://127.0.0.1:8080/slug/"),
        ]
    )
    assert listing.teasers[0].url == "http://127.0.0.1:8080/slug/"
    assert alias.url == "http://127.0.0.1:8080/2023/03/14/slug/"


def test_normalize_without_profile_only_canonicalises(db_path: Path) -> None:
    run = start(db_path, profile=None, stages=(NormalizePipeline,))
    (out,) = run.feed([Listing(url="HTTPS://Example.ORG:443/news/?utm_campaign=x")])
    assert out.url == "https://example.org/news/"
    assert out.site == "test-spider"


@pytest.mark.parametrize(
    "variant",
    [
        BODY.replace("’", "'"),
        BODY.replace("« ", "«\u00a0").replace(" »", "\u00a0»"),
        BODY.replace("« ", '"').replace(" »", '"'),
        BODY.replace(" :", "\u202f:"),
        BODY.upper(),
        unicodedata.normalize("NFD", BODY),
        BODY.replace(". ", ".\n\n"),
    ],
)
def test_content_hash_ignores_typography(variant: str) -> None:
    assert content_hash(variant) == content_hash(BODY)


def test_content_hash_sees_different_words() -> None:
    assert content_hash(BODY.replace("avance", "recule")) != content_hash(BODY)


# --- dedupe --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "http://www.lecourrierdesstrateges.fr/slug/",
        f"{WWW}/slug",
        "https://lecourrierdesstrateges.fr/slug/",
        f"{WWW}/slug/?utm_source=newsletter",
    ],
)
def test_url_variants_are_one_row_with_aliases(db_path: Path, variant: str) -> None:
    run = start(db_path)
    related = [Teaser(url=f"{WWW}/autre/", kind="related")]
    first, again = run.feed(
        [article(teasers=related), article(url=variant, title="Titre modifié", teasers=related)]
    )
    assert isinstance(first, Article)
    assert isinstance(again, Duplicate) and again.reason == "url"
    run.close()
    assert run.rows("SELECT url, title FROM articles") == [(f"{WWW}/slug/", "Titre")]
    aliases = run.rows("SELECT url, article_url FROM aliases")
    assert (variant.split("?")[0], f"{WWW}/slug/") in aliases
    assert run.rows("SELECT source_url, url FROM teasers") == [(f"{WWW}/slug/", f"{WWW}/autre/")]
    assert run.stats["archive/duplicate_url"] == 1


def test_syndicated_copy_becomes_an_alias(db_path: Path) -> None:
    run = start(db_path)
    copy = article(
        url=f"{WWW}/slug-2/",
        body=BODY.replace("’", "'").replace("« ", "«\u00a0"),
        aliases=["https://partner.example/reprise/"],
    )
    first, dup = run.feed([article(), copy])
    assert isinstance(dup, Duplicate) and (dup.reason, dup.target) == ("content", f"{WWW}/slug/")
    run.close()
    assert run.rows("SELECT url FROM articles") == [(f"{WWW}/slug/",)]
    assert sorted(run.rows("SELECT url FROM aliases WHERE article_url != url")) == [
        ("https://partner.example/reprise/",),
        (f"{WWW}/slug-2/",),
    ]
    assert run.stats["archive/duplicate_content"] == 1
    assert run.stats["archive/stored/new"] == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"members_only": True, "body": "Le début de l’article réservé aux abonnés. " * 2},
        {"body": "Réservé aux abonnés. " * 3},
    ],
)
def test_previews_and_stubs_never_collide_by_hash(db_path: Path, fields: dict) -> None:
    run = start(db_path)
    out = run.feed([article(f"{WWW}/a/", **fields), article(f"{WWW}/b/", **fields)])
    assert all(isinstance(o, Article) for o in out)
    run.close()
    assert run.rows("SELECT count(*) FROM articles") == [(2,)]


def test_a_long_members_only_preview_identifies_its_copy(db_path: Path) -> None:
    run = start(db_path)
    out = run.feed([article(members_only=True), article(f"{WWW}/slug-2/", members_only=True)])
    assert isinstance(out[1], Duplicate)
    run.close()
    assert run.rows("SELECT url FROM articles") == [(f"{WWW}/slug/",)]


@pytest.mark.parametrize("order", ["same batch", "next run", "next run, copy again first"])
def test_the_original_replaces_a_copy_archived_first(db_path: Path, order: str) -> None:
    """Also when a resumed crawl (after kill -9) fetches the archived copy again just before
    the original, in one batch: the copy's archived row must not stay beside the original."""
    copy = article(f"{WWW}/slug-2/", published="2025-08-22T13:51:00+02:00")
    original = article(published="2025-08-20T10:51:00+02:00", aliases=[f"{WWW}/2025/08/20/slug/"])
    run = start(db_path)
    if order == "same batch":
        out = run.feed([copy, original])
    else:
        run.feed([copy])
        run.close()
        run = start(db_path)
        again = [article(f"{WWW}/slug-2/", published=copy.published)] if "again" in order else []
        out = run.feed([*again, original])
    assert isinstance(out[-1], Original)
    run.close()
    assert run.rows("SELECT url, published FROM articles") == [
        (f"{WWW}/slug/", "2025-08-20T10:51:00+02:00")
    ]
    aliases = dict(run.rows("SELECT url, article_url FROM aliases"))
    assert aliases[f"{WWW}/slug-2/"] == f"{WWW}/slug/"
    assert aliases[f"{WWW}/2025/08/20/slug/"] == f"{WWW}/slug/"
    assert run.rows("SELECT count(*) FROM articles_fts") == [(1,)]


def test_a_known_copy_fetched_again_does_not_overwrite_the_original(db_path: Path) -> None:
    original = article(published="2025-08-20T10:51:00+02:00")
    copy = article(f"{WWW}/slug-2/", published="2025-08-22T13:51:00+02:00")
    run = start(db_path)
    run.feed([original, copy])
    run.close()
    again = start(db_path)
    out = again.feed([article(f"{WWW}/slug-2/", published="2025-08-22T13:51:00+02:00")])
    assert isinstance(out[0], Duplicate)
    again.close()
    assert again.rows("SELECT url, published FROM articles") == [
        (f"{WWW}/slug/", "2025-08-20T10:51:00+02:00")
    ]


def test_dedupe_is_seeded_from_the_archive(db_path: Path) -> None:
    first = start(db_path)
    first.feed([article()])
    first.close()
    second = start(db_path)
    out = second.feed(
        [
            article(url="https://lecourrierdesstrateges.fr/slug"),  # variant of an archived URL
            article(url=f"{WWW}/copie/", body=BODY.upper()),  # copy of an archived text
        ]
    )
    assert isinstance(out[0], Article) and out[0].url == f"{WWW}/slug/"
    assert isinstance(out[1], Duplicate) and out[1].reason == "content"
    second.close()
    assert second.rows("SELECT count(*) FROM articles") == [(1,)]
    assert second.stats["archive/stored/unchanged"] == 1
    assert ("https://lecourrierdesstrateges.fr/slug", f"{WWW}/slug/") in second.rows(
        "SELECT url, article_url FROM aliases"
    )


def test_copy_that_later_diverges_becomes_its_own_article(db_path: Path) -> None:
    first = start(db_path)
    first.feed([article(), article(f"{WWW}/slug-2/")])
    first.close()
    assert first.rows("SELECT count(*) FROM articles") == [(1,)]
    second = start(db_path)
    (out,) = second.feed([article(f"{WWW}/slug-2/", body=BODY + " Mise à jour : autre texte.")])
    assert isinstance(out, Article) and out.url == f"{WWW}/slug-2/"
    second.close()
    assert sorted(second.rows("SELECT url, article_url FROM aliases")) == [
        (f"{WWW}/slug-2/", f"{WWW}/slug-2/"),
        (f"{WWW}/slug/", f"{WWW}/slug/"),
    ]
    assert second.rows("SELECT count(*) FROM articles") == [(2,)]


def test_spider_alias_points_at_the_canonical_article(db_path: Path) -> None:
    run = start(db_path)
    run.feed([article(), Alias(url=f"{WWW}/?p=12", target=f"{WWW}/slug")])
    run.close()
    assert (f"{WWW}/?p=12", f"{WWW}/slug/") in run.rows("SELECT url, article_url FROM aliases")


def test_alias_waits_for_its_article_and_never_points_at_a_listing(db_path: Path) -> None:
    run = start(db_path)
    run.feed(
        [
            Alias(url=f"{WWW}/2023/03/14/slug/", target=f"{WWW}/slug/"),  # article in flight
            Alias(url=f"{WWW}/tag/odessa/", target=f"{WWW}/category/odessa/"),  # a listing
            article(),
        ]
    )
    run.close()
    assert sorted(run.rows("SELECT url, article_url FROM aliases")) == [
        (f"{WWW}/2023/03/14/slug/", f"{WWW}/slug/"),
        (f"{WWW}/slug/", f"{WWW}/slug/"),
    ]
    assert run.stats["archive/aliases_unresolved"] == 1


def test_a_chain_of_redirects_waiting_for_its_article_resolves_whole(db_path: Path) -> None:
    """Read from WARCs, a chain comes as separate redirects before the article."""
    run = start(db_path)
    run.feed(
        [
            Alias(url=f"{WWW}/?p=12", target=f"{WWW}/2023/03/14/slug/"),
            Alias(url=f"{WWW}/2023/03/14/slug/", target=f"{WWW}/slug/"),
            article(),
        ]
    )
    run.close()
    assert sorted(run.rows("SELECT url, article_url FROM aliases")) == [
        (f"{WWW}/2023/03/14/slug/", f"{WWW}/slug/"),
        (f"{WWW}/?p=12", f"{WWW}/slug/"),
        (f"{WWW}/slug/", f"{WWW}/slug/"),
    ]


# --- store ---------------------------------------------------------------------------


def test_store_writes_and_records_the_crawl(db_path: Path) -> None:
    run = start(db_path, settings={"ARCHIVE_BATCH_SIZE": 2})
    assert isinstance(run.spider.context.crawl_id, int)
    assert run.rows("SELECT status FROM crawls") == [("running",)]
    run.crawler.stats.set_value("response_received_count", 4)
    run.feed([article(f"{WWW}/a/"), article(f"{WWW}/b/", body=BODY + " Fin.")])
    assert run.rows("SELECT count(*) FROM articles") == [(2,)]  # one full batch, already written
    listing = Listing(url=f"{WWW}/", teasers=[Teaser(url=f"{WWW}/a", position=0)])
    run.feed([listing])
    assert run.rows("SELECT count(*) FROM teasers") == [(0,)]  # buffered until close
    run.close()
    assert run.rows("SELECT source_url, article_url FROM teasers") == [(f"{WWW}/", f"{WWW}/a/")]
    assert run.rows(
        "SELECT id, site, status, finish_reason, exit_code, pages, articles_new, teasers, ended IS NOT NULL FROM crawls"
    ) == [(run.spider.context.crawl_id, "courrier", "finished", "finished", 0, 4, 2, 1, 1)]
    assert run.stats["archive/stored/new"] == 2
    assert run.stats["archive/teasers"] == 1


def test_storage_error_closes_the_spider_with_archive_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[str] = []

    class Engine:
        spider = object()
        downloader = SimpleNamespace(slots={})  # nothing waiting to be dropped

        def close_spider_async(self, *, reason: str) -> None:
            closed.append(reason)

    run = start(db_path, settings={"ARCHIVE_BATCH_SIZE": 1})
    run.crawler.engine = Engine()  # type: ignore[assignment]
    run.crawler.stats.set_value("response_received_count", 1)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise ArchiveError("archive write failed (archive.db): disk I/O error")

    monkeypatch.setattr("scraper.storage.Archive.write_batch", fail)
    run.feed([article(f"{WWW}/a/"), article(f"{WWW}/b/", body=BODY + " Fin.")])
    assert closed == ["archive_error"]
    run.close(reason="archive_error")
    assert run.stats["archive/errors"] == 2  # the first batch, then the last try at close
    assert run.stats["archive/lost_items"] == 2
    assert run.rows("SELECT status, finish_reason, exit_code FROM crawls") == [
        ("failed", "archive_error", 5)
    ]


def test_no_archive_path_switches_storing_off() -> None:
    crawler = get_crawler(ProfileSpider, {"ARCHIVE_PATH": ""})
    with pytest.raises(NotConfigured):
        StorePipeline.from_crawler(crawler)
    crawler.spider = ProfileSpider.from_crawler(crawler, profile=COURRIER)
    dedupe = DedupePipeline.from_crawler(crawler)
    dedupe.open_spider()
    assert isinstance(dedupe.process_item(article()), Article)


# Japanese is written without spaces: a whitespace split sees one "word" per sentence.
JAPANESE = (
    "東京都は十日、新しい防災計画を発表した。首都直下地震に備え、避難所の数を増やし、"
    "備蓄食料を見直すという。知事は記者会見で「都民の命を守ることが最優先だ」と述べた。"
)


def test_cjk_articles_keep_the_extractors_word_count_and_dedupe_by_hash(db_path: Path) -> None:
    html = f"<html lang='ja'><body><article><h1>防災計画</h1><p>{JAPANESE}</p><p>{JAPANESE}</p></article></body></html>"
    extracted = extract(html, f"{WWW}/ja/")
    assert extracted.word_count > 100  # one per Han or kana character, not 4 sentences
    run = start(db_path)
    original, copy = run.feed(
        [article(f"{WWW}/ja/", body=extracted.body), article(f"{WWW}/ja-2/", body=extracted.body)]
    )
    assert original.word_count == extracted.word_count
    assert isinstance(copy, Duplicate)  # long enough to be compared by content hash


# --- the same path outside Scrapy ------------------------------------------------------


def test_the_archive_path_outside_scrapy_stores_as_a_crawl_does(db_path: Path) -> None:
    """What reparse and import-warc use: the same stages, one context per site, no spider."""
    path = ArchivePath(str(db_path), "import")
    crawl_id = path.open()
    copy = article(f"{WWW}/slug-2/", published="2024-01-02")
    assert path.feed(article(published="2024-01-01"), "courrier", COURRIER) is not None
    assert isinstance(path.feed(copy, "courrier", COURRIER), Duplicate)
    other = article("https://other.example/a-story/", site=None)  # the context names it
    assert path.feed(other, "other.example", None)
    path.stats.set_value("response_received_count", 3)  # pages read, as a source counts them
    stats = path.close()
    assert stats["archive/stored/new"] == 2
    assert stats["archive/duplicate_content"] == 1
    rows = sqlite3.connect(db_path).execute(
        "SELECT a.url, a.site, a.crawl_id, c.site, c.status FROM articles a"
        " JOIN crawls c ON c.id = a.crawl_id ORDER BY a.url"
    )
    assert rows.fetchall() == [
        ("https://other.example/a-story/", "other.example", crawl_id, "import", "finished"),
        (f"{WWW}/slug/", "courrier", crawl_id, "import", "finished"),
    ]


def test_the_archive_path_imports_no_scrapy() -> None:
    code = (
        "import sys, pipelines.path, scraper.ingest.reparse;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'scrapy', 'twisted'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"

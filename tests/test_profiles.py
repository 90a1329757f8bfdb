from __future__ import annotations

import pytest

from scraper.profiles import (
    generic_profile,
    get_profile,
    load_profiles,
    parse_profile,
    profile_for_url,
)

COURRIER = "https://www.lecourrierdesstrateges.fr"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/troupes-de-lotan-en-ukraine/", "article"),
        ("/manifeste-refonder-le-contrat", "article"),
        ("/2025/07/10/trump-plonge-t-il-par-ulrike-reisner/", "article"),
        ("/?p=12345", "article"),
        ("/", "listing"),
        ("/page/144", "listing"),
        ("/page/2/", "listing"),
        ("/category/ukraine/page/55", "listing"),
        ("/category/caraibes", "listing"),
        ("/author/eric-verhaeghe/page/4", "listing"),
        ("/tag/macron/", "listing"),
        ("/2023/07/", "listing"),
        ("/slug/amp/", "ignore"),
        ("/slug/embed/", "ignore"),
        ("/ghost/api/content/posts/", "ignore"),
        ("/rss/", "ignore"),
        ("/feed/", "ignore"),
        ("/sitemap-posts.xml", "ignore"),
        ("/content/images/2025/01/a.jpg", "ignore"),
        ("/slug/?replytocom=12", "ignore"),
        ("/2023/03/14/slug/2/", "ignore"),
        ("/2023/03/14/slug/comment-page-2/", "ignore"),
    ],
)
def test_courrier_url_rules(path: str, kind: str) -> None:
    assert get_profile("courrier").classify_url(COURRIER + path) == kind


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/2024/06/moscou-affirme-son-soutien/", "article"),
        # WordPress breaks long comment threads into pages: the post again, other comments
        ("/2024/06/moscou-affirme-son-soutien/comment-page-2/", "ignore"),
        ("/2024/06/moscou-affirme-son-soutien/comment-page-12", "ignore"),
        ("/2024/06/moscou-affirme-son-soutien/feed/", "ignore"),
    ],
)
def test_generic_url_rules(path: str, kind: str) -> None:
    assert (
        generic_profile("https://blog.example/").classify_url("https://blog.example" + path) == kind
    )


def test_rebase_maps_real_hosts_onto_the_new_origin() -> None:
    local = get_profile("courrier").rebase("http://127.0.0.1:8123")
    assert local.base_url == "http://127.0.0.1:8123/"
    assert local.hosts == ("127.0.0.1",)
    assert (
        local.localize("https://lecourrierdesstrateges.fr/a/?x=1") == "http://127.0.0.1:8123/a/?x=1"
    )
    assert local.localize(COURRIER + "/b/") == "http://127.0.0.1:8123/b/"
    assert local.owns(COURRIER + "/b/")
    assert not local.owns("https://x.com/intent/tweet?url=a")
    assert local.absolute("/sitemap.xml") == "http://127.0.0.1:8123/sitemap.xml"


def test_a_generic_profile_for_a_copy_owns_the_mirrored_hosts() -> None:
    copy = generic_profile("http://127.0.0.1:8123/").copy_of("https://www.site.example/")
    assert copy.localize("https://site.example/a/") == "http://127.0.0.1:8123/a/"
    assert copy.localize("https://www.site.example/b/?x=1") == "http://127.0.0.1:8123/b/?x=1"
    assert copy.owns("https://www.site.example/b/")
    assert copy.key("https://site.example/a/") == copy.key("http://127.0.0.1:8123/a/")
    assert not copy.owns("https://x.com/intent/tweet?url=a")


def test_rebase_needs_a_scheme() -> None:
    with pytest.raises(ValueError, match="scheme"):
        get_profile("courrier").rebase("127.0.0.1:8000")


def test_unrebased_profile_keeps_urls() -> None:
    profile = get_profile("courrier")
    assert profile.localize("https://x.com/a") == "https://x.com/a"
    assert profile.owns("https://lecourrierdesstrateges.fr/a/")


def test_house_authors_are_data() -> None:
    profile = get_profile("courrier")
    assert profile.is_house_author("Rédaction")
    assert profile.is_house_author("  cds ")
    assert not profile.is_house_author("Éric Verhaeghe")


def test_lookup() -> None:
    assert "courrier" in load_profiles()
    assert profile_for_url(COURRIER + "/x/").name == "courrier"
    assert profile_for_url("https://example.org/") is None
    with pytest.raises(KeyError, match="known sites: courrier"):
        get_profile("nope")


def test_every_profile_has_valid_patterns_and_selectors() -> None:
    import re

    from scraper.extract.selectors import compile_css

    for profile in load_profiles().values():
        for pattern in (
            profile.article_patterns + profile.listing_patterns + profile.ignore_patterns
        ):
            re.compile(pattern)
        for era in profile.eras:
            for selectors in [era.detect, *era.article.values(), *era.listing.values()]:
                for selector in selectors:
                    compile_css(selector)


def test_parse_profile_minimal() -> None:
    profile = parse_profile({"name": "x", "base_url": "https://x.org/", "hosts": "x.org"})
    assert profile.hosts == ("x.org",)
    assert profile.listings == ("/",)
    assert profile.classify_url("https://x.org/a") == "unknown"


def test_key_folds_host_aliases_scheme_and_slash() -> None:
    profile = get_profile("courrier")
    assert (
        profile.key("http://lecourrierdesstrateges.fr/a")
        == profile.key("https://www.lecourrierdesstrateges.fr/a/?utm_source=x")
        == profile.fold_key("lecourrierdesstrateges.fr/a")
    )
    assert profile.key("https://other.example/a/") != profile.key(COURRIER + "/a/")
    local = profile.rebase("http://127.0.0.1:8123/")
    assert local.key(COURRIER + "/a/") == local.key("http://127.0.0.1:8123/a")


def test_a_loopback_copy_answers_to_localhost_and_127_0_0_1_on_its_port() -> None:
    local = get_profile("courrier").rebase("http://127.0.0.1:8123/")
    assert local.localize("http://localhost:8123/a/") == "http://127.0.0.1:8123/a/"
    assert local.owns("http://localhost:8123/a/")
    assert not local.owns("http://localhost:9999/a/")  # another server

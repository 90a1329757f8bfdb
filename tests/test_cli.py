"""CLI behaviour a user sees: help and docs for every command, one-line errors, no tracebacks."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(cli.commands)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help, f"{name} has no docstring"
    assert f"scraper {name}" in result.output, f"{name} --help shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"scraper {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_sites_lists_the_courrier(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["sites"])
    assert result.exit_code == 0
    assert result.output.startswith(
        "courrier\tLe Courrier des Stratèges\thttps://www.lecourrierdesstrateges.fr/"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "nowhere"], "unknown site 'nowhere'"),
        (["crawl", "courrier", "--since", "yesterday"], "is not a date"),
        (["crawl", "courrier", "--max-articles", "0"], "--max-articles"),
        (["crawl", "courrier", "--base-url", "127.0.0.1:8000"], "must start with http"),
        (["crawl", "courrier", "-s", "DOWNLOAD_DELAY"], "expected KEY=VALUE"),
        (["export", "--format", "xml"], "xml"),
    ],
)
def test_bad_arguments_give_a_clear_usage_error(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["search", "x"], ["stats"], ["export"], ["serve"]])
def test_missing_archive_is_one_line(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no archive at" in result.output
    assert result.output.count("\n") == 1


@pytest.mark.parametrize(
    "command", [["search", "x"], ["stats"], ["export"], ["serve"], ["crawl", "courrier"]]
)
def test_unreadable_archive_is_one_line(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    bad = tmp_path / "archive.db"
    bad.write_text("this is not a database\n" * 100)
    result = runner.invoke(cli, [*command, "--db", str(bad)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: ")
    assert result.output.count("\n") == 1


def test_extract_writes_json_lines(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    paragraphs = "".join(
        f"<p>Paragraphe numéro {i} avec assez de mots pour être un vrai texte.</p>"
        for i in range(8)
    )
    html = (
        "<html lang='fr'><head><title>Un titre - Site</title></head><body><article>"
        f"<h1>Un titre</h1>{paragraphs}</article></body></html>"
    )
    page.write_bytes(gzip.compress(html.encode("utf-8")))
    result = runner.invoke(cli, ["extract", str(page), "--url", "https://example.org/un-titre/"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["title"] == "Un titre"
    assert "Paragraphe numéro 7" in record["body"]
    assert record["file"] == str(page)


@pytest.mark.parametrize(
    "args",
    [["crawl"], ["crawl", "courrier", "--url", "https://example.org/"]],
)
def test_crawl_needs_a_site_or_a_url(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "give a SITE" in result.output


def test_extract_rejects_a_broken_gzip(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(b"<html>" * 1000)[:50])
    result = runner.invoke(cli, ["extract", str(page)])
    assert result.exit_code == 1
    assert "not a readable gzip file" in result.output


def test_extract_refuses_a_gzip_bomb_fast_within_a_2_gb_address_space(tmp_path: Path) -> None:
    """2 GiB of zeros in 2 MB (one small gzip member, repeated): inflating it all took 3 GB."""
    import resource
    import time

    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(member * 2048)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "extract", str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    assert time.monotonic() - start < 10
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "once inflated (DOWNLOAD_MAXSIZE)" in result.stderr


def test_extract_refuses_a_binary_payload(runner: CliRunner, tmp_path: Path) -> None:
    import random

    noise = tmp_path / "noise.html"
    noise.write_bytes(random.Random(7).randbytes(1 << 20))
    result = runner.invoke(cli, ["extract", str(noise)])
    assert result.exit_code == 1
    assert result.output.strip().endswith("a binary payload, not a web page")


def test_profile_suggest_drafts_a_loadable_profile(runner: CliRunner) -> None:
    import tomllib

    from scraper.profiles import parse_profile
    from scraper.tools.demo.server import serve
    from scraper.tools.demo.site import build_site

    with serve(build_site(15, host_style="local")) as base_url:
        result = runner.invoke(cli, ["profile", "suggest", str(base_url), "--pages", "2"])
    assert result.exit_code == 0, result.output
    profile = parse_profile(tomllib.loads(result.output))
    assert profile.hosts[0] == "127.0.0.1"
    assert profile.eras and profile.eras[0].name == "ghost"


def test_profile_suggest_refuses_a_non_http_url(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["profile", "suggest", "ftp://example.org/"])
    assert result.exit_code == 1
    assert result.output == "Error: not an http(s) URL: 'ftp://example.org/'\n"


def test_a_crawl_opens_no_code_execution_port_and_keeps_its_progress_line() -> None:
    from scraper.crawl.runner import crawl_settings

    settings = crawl_settings("archive.db", {}, quiet=False, verbose=False)
    extensions = settings.getwithbase("EXTENSIONS")
    assert extensions["scrapy.extensions.remote_control.RemoteControl"] is None
    assert extensions["scraper.crawl.progress.Progress"] == 900
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read profile"),
        ("name = ", "is not valid TOML"),
        ("name = 'x'\nbase_url = 'https://x.test/'\n", "lacks the required key 'hosts'"),
    ],
)
def test_a_broken_profile_file_is_one_usage_error(
    runner: CliRunner, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "mine.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["crawl", str(path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "a.db").exists()


def test_a_local_copy_is_crawled_without_politeness_delay_unless_asked() -> None:
    from scraper.crawl.runner import crawl_settings

    local = crawl_settings("a.db", {}, quiet=True, verbose=False, local_copy=True)
    local.setdict({"DOWNLOAD_DELAY": 1.0, "AUTOTHROTTLE_ENABLED": True}, priority="spider")
    assert local.getfloat("DOWNLOAD_DELAY") == 0.01  # over the profile's second
    assert not local.getbool("AUTOTHROTTLE_ENABLED")
    asked = crawl_settings(
        "a.db", {"DOWNLOAD_DELAY": "2"}, quiet=True, verbose=False, local_copy=True
    )
    assert asked.getfloat("DOWNLOAD_DELAY") == 2.0  # the user's -s wins
    live = crawl_settings("a.db", {}, quiet=True, verbose=False)
    live.setdict({"DOWNLOAD_DELAY": 1.0}, priority="spider")
    assert live.getfloat("DOWNLOAD_DELAY") == 1.0 and live.getbool("AUTOTHROTTLE_ENABLED")


def test_a_log_file_that_cannot_be_written_is_one_line_before_the_crawl(
    runner: CliRunner, tmp_path: Path
) -> None:
    log = tmp_path / "missing" / "crawl.log"
    db = tmp_path / "a.db"
    result = runner.invoke(cli, ["crawl", "--url", "http://127.0.0.1:9/", "--db", str(db),
                                 "--log-file", str(log)])  # fmt: skip
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write the log file {log}: No such file or directory\n"
    assert not db.exists()


def test_serve_without_datasette_names_the_extra(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "datasette", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "scraper.query.serve.run", raising=False)
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "archive.db")])
    assert result.exit_code == 1
    assert result.output == (
        "Error: scraper serve needs Datasette (datasette is missing):"
        " pip install 'scraper[serve]'\n"
    )

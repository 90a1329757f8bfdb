"""Does a rule earn its place? Compare the working tree's extraction with a git revision,
page by page and site by site, over all four development sets (and the teaser cards their
pages show).

    python bench/site_check.py                  # working tree vs HEAD
    python bench/site_check.py --base HEAD~3    # vs an older revision
    python bench/site_check.py --only cms-dev --only trafilatura-dev
    python bench/site_check.py --only teasers   # the cards only

To ablate a rule, switch it off in the working tree and run against HEAD: the report names
every page that moves and its site, per metric, then every page whose output changes at all
(scored or not), and gives the verdict the project asks of a generic rule (it must help pages
of at least two sites and hurt none). Sites are the pages'
hosts, so a rule that only moves one site's pages shows up as such.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ROOT.parent / "shared" / "tools"
META_SETS = {
    "fundus": ("fundus/expected.json", "fundus"),
    "cms-dev": ("cms-dev/expected.json", "cms-dev"),
    "trafilatura-dev": ("trafilatura-dev/meta/expected.json", "trafilatura-dev/html"),
}
# "teasers": every card each page of the sets above shows (no truth: the cards that move are
# listed for reading).
SETS = (*META_SETS, "trafilatura-dev-snippets", "aeb-dev", "teasers")
_MOVED = 0.01  # a per-page score change smaller than this is noise
_CARDS_SHOWN = 4  # a page's moved teaser cards printed (each way); the count says the rest

sys.path.insert(0, str(TOOLS))  # the shared scorers; `scraper` comes from PYTHONPATH (a side)
import eval_body  # noqa: E402
import eval_meta  # noqa: E402
import eval_snippets  # noqa: E402


def predict(chosen: list[str], out: Path) -> None:
    """Every page's output with the `scraper` importable from sys.path (one side of a run)."""
    from scraper.extract.page import article_body, body_only, meta_prediction

    result: dict[str, dict[str, object]] = {}
    for name in chosen:
        if name in META_SETS:
            truth, pages = META_SETS[name]
            expected = json.loads((CORPUS / truth).read_text(encoding="utf-8"))
            result[name] = {
                case: meta_prediction(_page(CORPUS / pages / f"{case}.html.gz"), gold.get("url"))
                for case, gold in expected.items()
            }
        elif name == "trafilatura-dev-snippets":
            records = _snippets()
            folder = CORPUS / "trafilatura-dev" / "html"
            result[name] = {
                case: body_only(_page(folder / f"{case}.html.gz"), record.get("url"))
                for case, record in records.items()
            }
        elif name == "teasers":
            result[name] = _teasers()
        else:
            items = eval_body.load_dataset([CORPUS / "aeb-dev"])
            result[name] = {item.id: article_body(item.html, item.url) for item in items}
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _teasers() -> dict[str, list[list[object]]]:
    """case → its cards (kind, position, title, authors, excerpt, day, URL), every set's pages."""
    from scraper.extract.page import extract_page

    pages = {
        case: (lambda path=CORPUS / folder / f"{case}.html.gz": _page(path), gold.get("url"))
        for truth, folder in META_SETS.values()
        for case, gold in json.loads((CORPUS / truth).read_text(encoding="utf-8")).items()
    }
    for item in eval_body.load_dataset([CORPUS / "aeb-dev"]):
        pages[item.id] = (lambda html=item.html: html, item.url)
    result = {}
    for case, (read, url) in pages.items():
        found = extract_page(read(), url or "")
        result[case] = [
            [t.kind, t.position, t.title, t.authors, t.excerpt, t.published, t.url]
            for t in getattr(found, "teasers", None) or []
        ]
    return result


def _page(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def _snippets() -> dict[str, dict]:
    _items, records, _mode = eval_snippets.load([CORPUS / "trafilatura-dev"])
    return records


def scores(name: str, outputs: dict[str, object]) -> dict[str, tuple[str, dict[str, float]]]:
    """case → (site, metric → score) for one set's outputs."""
    if name == "teasers":
        return {}
    if name in META_SETS:
        expected = json.loads((CORPUS / META_SETS[name][0]).read_text(encoding="utf-8"))
        return {
            case: (_site(gold.get("url"), case), eval_meta.score_case(gold, outputs[case]))
            for case, gold in expected.items()
        }
    if name == "trafilatura-dev-snippets":
        norm = eval_snippets.normaliser("ws")
        result = {}
        for case, record in _snippets().items():
            page = eval_snippets.Page(record, outputs[case], norm)
            found = {"snippets_found": page.tp, "boilerplate_kept": -page.fp}
            result[case] = (_site(record.get("url"), case), found)
        return result
    result = {}
    for item in eval_body.load_dataset([CORPUS / "aeb-dev"]):
        score = eval_body.ItemScore(item.truth, outputs[item.id])  # type: ignore[arg-type]
        f1 = 2 * score.tp / (2 * score.tp + score.fp + score.fn) if score.tp else 0.0
        result[item.id] = (_site(item.url, item.id), {"body_f1": f1})
    return result


def _site(url: str | None, case: str) -> str:
    host = urlsplit(url or "").hostname or case
    return host.removeprefix("www.")


def _side(revision: str | None, chosen: list[str], folder: Path) -> dict[str, dict]:
    """Run `predict` in a subprocess on the working tree (None) or an exported revision."""
    code = ROOT
    if revision is not None:
        code = folder / "code"
        code.mkdir()
        archive = subprocess.run(
            ["git", "archive", revision], cwd=ROOT, check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(code, filter="data")
    out = folder / "out.json"
    args = [arg for name in chosen for arg in ("--only", name)]
    env = dict(os.environ, PYTHONPATH=str(code))
    command = [sys.executable, str(Path(__file__).resolve()), "--predict", str(out), *args]
    subprocess.run(command, check=True, env=env, cwd=code)
    return json.loads(out.read_text(encoding="utf-8"))


def report(base: dict[str, dict], new: dict[str, dict]) -> bool:
    """Print every page that moves, then per metric the sites helped and hurt; True when the
    change helps pages of two sites or more and hurts none."""
    helped: dict[str, set[str]] = defaultdict(set)
    hurt: dict[str, set[str]] = defaultdict(set)
    for name in new:
        before, after = scores(name, base[name]), scores(name, new[name])
        for case, (site, now) in sorted(after.items()):
            for metric, value in now.items():
                old = before[case][1].get(metric)
                if value is None or old is None or abs(value - old) < _MOVED:
                    continue
                print(f"{name:24} {metric:16} {value - old:+.3f}  {site:30} {case}")
                (helped if value > old else hurt)[f"{name} {metric}"].add(site)
    for key in sorted(set(helped) | set(hurt)):
        up, down = sorted(helped[key]), sorted(hurt[key])
        print(f"{key}: helps {len(up)} site(s) {up}; hurts {len(down)} site(s) {down}")
    _ledes_moved(base, new)
    _outputs_moved(base, new)
    sites_up = set().union(*helped.values()) if helped else set()
    verdict = len(sites_up) >= 2 and not any(hurt.values())
    print("verdict:", "earns its place" if verdict else "does not (helps < 2 sites or hurts one)")
    return verdict


def _ledes_moved(base: dict[str, dict], new: dict[str, dict]) -> None:
    """Pages whose standfirst changes: no corpus has a truth for it, so read them."""
    for name in (n for n in new if n in META_SETS):
        for case, now in sorted(new[name].items()):
            old = base[name][case]
            if "lede" in old and old["lede"] != now["lede"]:
                print(
                    f"{name:24} lede moved: {case}\n    was {old['lede']!r:.100}\n    now {now['lede']!r:.100}"
                )


def _outputs_moved(base: dict[str, dict], new: dict[str, dict]) -> None:
    """Every page whose output changes at all, scored or not (a line of boilerplate too small
    to move a score, a field no truth holds): the full list of what a change touches."""
    for name in new:
        for case, now in sorted(new[name].items()):
            old = base[name][case]
            if old == now:
                continue
            if name == "teasers":
                gone = _less(old, now)
                came = _less(now, old)
                print(f"{name:24} output moved: {case} ({len(gone)} cards out, {len(came)} in)")
                lines = [f"    was {c}" for c in gone[:_CARDS_SHOWN]]
                lines += [f"    now {c}" for c in came[:_CARDS_SHOWN]]
                for line in lines:
                    print(line[:160])
                continue
            fields = sorted(k for k in now if old.get(k) != now[k]) if isinstance(now, dict) else []
            print(f"{name:24} output moved: {case} {' '.join(fields)}".rstrip())


def _less(cards: list[list[object]], others: list[list[object]]) -> list[list[object]]:
    """The cards of `cards` not in `others`, counting repeats (a block shown twice)."""
    left = Counter(json.dumps(c) for c in cards) - Counter(json.dumps(c) for c in others)
    return [json.loads(c) for c in left.elements()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="git revision to compare with")
    parser.add_argument("--only", action="append", choices=SETS, help="dev sets to score")
    parser.add_argument("--predict", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    chosen = args.only or list(SETS)
    if args.predict:
        predict(chosen, args.predict)
        return
    with tempfile.TemporaryDirectory() as before, tempfile.TemporaryDirectory() as after:
        base = _side(args.base, chosen, Path(before))
        new = _side(None, chosen, Path(after))
    report(base, new)


if __name__ == "__main__":
    main()

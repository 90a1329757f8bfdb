"""Quality gate: score the shared development corpora and fail below the pinned floors.

The corpora live outside the repository (../shared/corpus from the repo root); the test skips
when they are absent. Their ground truth is pinned by a sha256 digest so a silently changed
corpus trips the gate instead of moving the numbers. Floors only move up (tests/extract_floors.json).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from scraper.extract.page import article_body, body_only, meta_prediction

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
AEB = CORPUS / "aeb-dev"
TRAFILATURA = CORPUS / "trafilatura-dev"
FLOORS = json.loads((Path(__file__).parent / "extract_floors.json").read_text(encoding="utf-8"))


def _tool(name: str) -> ModuleType:
    path = SHARED / "tools" / f"{name}.py"
    if not path.exists():
        pytest.skip(f"scoring tool {path} is absent")
    spec = importlib.util.spec_from_file_location(f"_shared_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _require(corpus: Path, truth: str) -> Path:
    path = corpus / truth
    if not path.exists():
        pytest.skip(f"shared corpus {corpus} is absent (expected beside the repository)")
    return path


def test_aeb_body_f1_stays_above_floor() -> None:
    truth = _require(AEB, "ground-truth.json")
    floors = FLOORS["aeb-dev"]
    assert _digest(truth) == floors["sha256"], "aeb-dev ground truth changed: re-measure floors"
    eval_body = _tool("eval_body")
    items = eval_body.load_dataset([AEB])
    scores = [eval_body.ItemScore(item.truth, article_body(item.html, item.url)) for item in items]
    result = eval_body.aggregate(scores)
    assert len(items) == floors["items"]
    assert result["f1"] >= floors["f1"], result
    assert result["precision"] >= floors["precision"], result
    assert result["recall"] >= floors["recall"], result


def _meta_scores(expected_path: Path, pages: Path) -> tuple[int, dict[str, float]]:
    """eval_meta.py's scores of our extraction over a metadata corpus: (cases, metric → value)."""
    eval_meta = _tool("eval_meta")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    per_case = {}
    for case_id, gold in sorted(expected.items()):
        html = gzip.decompress((pages / f"{case_id}.html.gz").read_bytes())
        per_case[case_id] = eval_meta.score_case(gold, meta_prediction(html, gold.get("url")))
    return len(per_case), {
        name: value for name, (value, _n) in eval_meta.aggregate(per_case).items()
    }


@pytest.mark.parametrize(
    ("name", "truth", "pages"),
    [
        ("fundus", "fundus/expected.json", "fundus"),
        ("cms-dev", "cms-dev/expected.json", "cms-dev"),
        ("trafilatura-dev", "trafilatura-dev/meta/expected.json", "trafilatura-dev/html"),
    ],
)
def test_metadata_stays_above_floors(name: str, truth: str, pages: str) -> None:
    expected_path = _require(CORPUS, truth)
    floors = FLOORS[name]
    assert _digest(expected_path) == floors["sha256"], f"{name} ground truth changed: re-measure"
    cases, scores = _meta_scores(expected_path, CORPUS / pages)
    assert cases == floors["cases"]
    for metric in ("title_em", "authors_set", "date_day", "body_f1"):
        if metric in floors:
            assert scores[metric] >= floors[metric], (metric, scores[metric])


def test_trafilatura_snippets_stay_above_floors() -> None:
    """trafilatura's own metric on its own evaluation pages, scored on the text we archive
    (standfirst and body): must-have snippets found (recall), boilerplate left out (precision)."""
    truth = _require(TRAFILATURA, "snippets.json")
    floors = FLOORS["trafilatura-dev"]
    assert _digest(truth) == floors["snippets_sha256"], "trafilatura-dev snippets changed"
    eval_snippets = _tool("eval_snippets")
    _items, records, mode = eval_snippets.load([TRAFILATURA])
    norm = eval_snippets.normaliser(mode)
    pages = []
    for case_id, record in sorted(records.items()):
        html = gzip.decompress((TRAFILATURA / "html" / f"{case_id}.html.gz").read_bytes())
        pages.append(eval_snippets.Page(record, body_only(html, record.get("url")), norm))
    result = eval_snippets.aggregate(pages)
    assert len(pages) == floors["pages"]
    for metric in ("f1", "precision", "recall"):
        assert result[metric] >= floors[metric], result
    assert sum(page.empty for page in pages) <= floors["empty_pages"], "pages without a body"

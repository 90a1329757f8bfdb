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

from scraper.extract.page import body_only, meta_prediction

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "corpus" / "aeb-dev"
FUNDUS = SHARED / "corpus" / "fundus"
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
    scores = [eval_body.ItemScore(item.truth, body_only(item.html, item.url)) for item in items]
    result = eval_body.aggregate(scores)
    assert len(items) == floors["items"]
    assert result["f1"] >= floors["f1"], result
    assert result["precision"] >= floors["precision"], result
    assert result["recall"] >= floors["recall"], result


def test_fundus_metadata_stays_above_floors() -> None:
    expected_path = _require(FUNDUS, "expected.json")
    floors = FLOORS["fundus"]
    assert _digest(expected_path) == floors["sha256"], "fundus ground truth changed: re-measure"
    eval_meta = _tool("eval_meta")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    per_case = {}
    for case_id, gold in sorted(expected.items()):
        html = gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes())
        per_case[case_id] = eval_meta.score_case(gold, meta_prediction(html, gold.get("url")))
    scores = {name: value for name, (value, _count) in eval_meta.aggregate(per_case).items()}
    assert len(per_case) == floors["cases"]
    for metric in ("title_em", "authors_set", "date_day", "body_f1"):
        assert scores[metric] >= floors[metric], (metric, scores[metric])

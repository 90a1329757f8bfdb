"""Run our extractor over a metadata corpus and write predictions for eval_meta.py.

python bench/meta_predictions.py --out /tmp/ours.json      # fundus (the default)
python bench/meta_predictions.py --expected ../shared/corpus/cms-dev/expected.json --out /tmp/cms.json
python /work/shared/tools/eval_meta.py --expected ... --predictions ours=/tmp/ours.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scraper.extract.page import meta_prediction  # noqa: E402

DEFAULT_EXPECTED = Path(__file__).resolve().parents[2] / "shared/corpus/fundus/expected.json"


def predict(expected_path: Path, pages: Path | None = None) -> dict[str, dict[str, object]]:
    """case_id → {title, authors, publishing_date, body} as eval_meta.py reads them; the pages
    (`<case_id>.html.gz`) are beside the ground truth unless `pages` says where."""
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    folder = pages or expected_path.parent
    predictions = {}
    for case_id, record in sorted(expected.items()):
        html = gzip.decompress((folder / f"{case_id}.html.gz").read_bytes())
        predictions[case_id] = meta_prediction(html, record.get("url"))
    return predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expected", type=Path, default=DEFAULT_EXPECTED)
    parser.add_argument("--corpus-dir", type=Path, help="folder of the pages (default: beside)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    start = time.perf_counter()
    predictions = predict(args.expected, args.corpus_dir)
    elapsed = time.perf_counter() - start
    args.out.write_text(json.dumps(predictions, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(predictions)} pages in {elapsed:.1f}s ({len(predictions) / elapsed:.0f} pages/s)")


if __name__ == "__main__":
    main()

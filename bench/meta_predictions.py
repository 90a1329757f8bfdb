"""Run our extractor over the fundus metadata corpus and write predictions for eval_meta.py.

python bench/meta_predictions.py --out /tmp/ours.json
python /work/shared/tools/eval_meta.py --predictions ours=/tmp/ours.json
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

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fundus"


def predict(corpus: Path) -> dict[str, dict[str, object]]:
    """case_id → {title, authors, publishing_date, body} as eval_meta.py reads them."""
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    predictions = {}
    for case_id, record in sorted(expected.items()):
        html = gzip.decompress((corpus / f"{case_id}.html.gz").read_bytes())
        predictions[case_id] = meta_prediction(html, record.get("url"))
    return predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    start = time.perf_counter()
    predictions = predict(args.corpus)
    elapsed = time.perf_counter() - start
    args.out.write_text(json.dumps(predictions, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(predictions)} pages in {elapsed:.1f}s ({len(predictions) / elapsed:.0f} pages/s)")


if __name__ == "__main__":
    main()

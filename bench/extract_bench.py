"""Extraction benchmark: body F1 and pages/s for our extractor and trafilatura, in one run.

    python bench/extract_bench.py             # AEB dev body F1 + speed, fundus metadata
    python bench/extract_bench.py --repeat 3  # more timing passes (best pass counts)

Body scoring and timing are shared/tools/eval_body.py's (same metric as the
article-extraction-benchmark); metadata scoring is shared/tools/eval_meta.py's, against
trafilatura's stored predictions. trafilatura is only a comparison baseline here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run(command: list[str]) -> None:
    """Run one scoring tool with the repository importable; its table goes to stdout."""
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    subprocess.run(command, check=True, env=env, cwd=SHARED.parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing passes per extractor")
    parser.add_argument("--body-only", action="store_true", help="skip the metadata corpus")
    args = parser.parse_args()
    tools = SHARED / "tools"
    run(
        [
            sys.executable,
            str(tools / "eval_body.py"),
            "--data",
            str(SHARED / "corpus" / "aeb-dev"),
            "--repeat",
            str(args.repeat),
            "py:scraper.extract.page:body_only",
            "trafilatura",
        ]
    )
    if args.body_only:
        return
    fundus = SHARED / "corpus" / "fundus"
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "ours.json"
        run([sys.executable, str(ROOT / "bench" / "meta_predictions.py"), "--out", str(ours)])
        run(
            [
                sys.executable,
                str(tools / "eval_meta.py"),
                "--expected",
                str(fundus / "expected.json"),
                "--predictions",
                f"ours={ours}",
                "--predictions",
                f"trafilatura={fundus / 'predictions' / 'trafilatura.json'}",
            ]
        )


if __name__ == "__main__":
    main()

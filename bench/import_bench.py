"""Import speed on a 5 MB page of questions (Markdown and the same page as HTML): parse
(a dry run), the first import into an empty SQLite store (key points derived for every
question), and a second import that finds everything already there.

    .venv/bin/python -m bench.import_bench [--megabytes 5]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from html import escape
from pathlib import Path

from bench.common import log_run
from mlcoach.bank.importers import Format
from mlcoach.config import Settings
from mlcoach.services import Services
from mlcoach.transfer import import_path, read_path

SUBJECTS = (
    "dropout", "batch normalisation", "the learning rate", "weight decay", "k-means",
    "gradient boosting", "a random forest", "attention", "cross-validation", "the AUC",
    "a feature store", "data drift", "early stopping", "label smoothing", "the F1 score",
)  # fmt: skip
ASKS = ("What is {s} ({n})?", "Why would you use {s} ({n})?",
        "Explain how {s} behaves on small data ({n}).", "How do you debug {s} ({n})?",
        "When does {s} fail ({n})?")  # fmt: skip
SENTENCES = (
    "It changes how the model fits the training data and how well it generalises.",
    "The effect depends on the size of the data set and on the noise in the labels.",
    "A common mistake is to tune it on the test set instead of a validation split.",
    "In practice you compare learning curves with and without it; $\\lambda \\in [0, 1]$.",
    "Monitoring the validation loss shows whether it helps; see the table below.",
)


def markdown_page(megabytes: float, seed: int = 7) -> tuple[str, int]:
    """A page shaped like a long GitHub list: sections, numbered questions, some code."""
    rng = random.Random(seed)
    parts, n = ["# Machine learning interview questions\n"], 0
    while sum(map(len, parts)) < megabytes * 1_000_000:
        if n % 50 == 0:
            parts.append(f"\n## Section {n // 50 + 1}\n")
        n += 1
        title = rng.choice(ASKS).format(s=rng.choice(SUBJECTS), n=n)
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 8)))
        code = "\n```python\n# not a heading\nmodel.fit(x, y)\n```\n" if n % 7 == 0 else ""
        parts.append(f"\n### {n}. {title}\n\n{body}\n{code}")
    return "".join(parts), n


def html_page(markdown: str) -> str:
    rows = ["<html><head><script>var tracking = 1;</script></head><body><nav>menu</nav><main>"]
    for line in markdown.split("\n"):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            rows.append(f"<h{level}>{escape(line.lstrip('# '))}</h{level}>")
        elif line.strip() and not line.startswith(("```", "model.", "# not")):
            rows.append(f"<p>{escape(line)}</p>")
    rows.append('</main><div class="ad">Buy</div></body></html>')
    return "\n".join(rows)


def timed(fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    return time.perf_counter() - start, result


def run(page: Path, fmt: Format, expected: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        svc = Services(Settings(data_dir=Path(tmp)))
        try:
            svc.local_user()  # open and migrate the store outside the timings
            parse_s, parsed = timed(lambda: read_path(page, fmt))
            dry_s, _ = timed(lambda: import_path(svc, page, fmt=fmt, dry_run=True))
            first_s, first = timed(lambda: import_path(svc, page, fmt=fmt, deck="bench"))
            again_s, again = timed(lambda: import_path(svc, page, fmt=fmt, deck="bench"))
        finally:
            svc.close()
    assert len(parsed.drafts) == expected, (len(parsed.drafts), expected)  # type: ignore[attr-defined]
    assert len(first.questions) == expected and not again.questions  # type: ignore[attr-defined]
    return {
        "bytes": page.stat().st_size,
        "questions": expected,
        "parse_s": round(parse_s, 3),
        "dry_run_s": round(dry_s, 3),
        "first_import_s": round(first_s, 3),
        "second_import_s": round(again_s, 3),
        "mb_per_s_first_import": round(page.stat().st_size / 1e6 / first_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    text, count = markdown_page(args.megabytes)
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "page.md"
        md.write_text(text, encoding="utf-8")
        html = Path(tmp) / "page.html"
        html.write_text(html_page(text), encoding="utf-8")
        record = {"markdown": run(md, Format.MD, count), "html": run(html, Format.HTML, count)}
    log_run("import", record)


if __name__ == "__main__":
    main()

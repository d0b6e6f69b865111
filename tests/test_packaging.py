"""The built-in bank ships inside the wheel, so an installed mlcoach finds it anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_content(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("mlcoach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mlcoach/content/concepts.yaml" in names
    assert "mlcoach/content/topics.yaml" in names
    assert "mlcoach/store/migrations/versions/0001_initial_schema.py" in names
    assert any(n.startswith("mlcoach/content/questions/") for n in names)
    assert any(n.startswith("mlcoach/content/roles/") for n in names)
    shipped = {n.removeprefix("mlcoach/") for n in names if n.startswith("mlcoach/content/")}
    local = {str(p.relative_to(ROOT)) for p in (ROOT / "content").rglob("*") if p.is_file()}
    assert shipped == local

"""Attack suite: hostile candidate code is contained, reported clearly, and leaves no trace.

Each attack is a candidate file run through the real sandbox against a tiny problem whose
hidden tests live in a temp folder. Observation attacks (network, files, environment)
return what they saw, and the hidden test asserts that nothing leaked; the hidden test
runs in this process, so the candidate cannot tamper with it.
"""

from __future__ import annotations

import os
import socket
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mlcoach.coding import Limits, RunResult, detect, run_code
from mlcoach.coding.sandbox import UID_BASE, UID_SPAN
from mlcoach.domain import CodingProblem, Level

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox needs Linux with bubblewrap"
)

DOUBLES = """
def test_doubles_two(f):
    assert f(2) == 4, "f(2) should be 4"


def test_doubles_three(f):
    assert f(3) == 6, "f(3) should be 6"
"""

OBSERVES = """
def test_nothing_leaks(f):
    seen = f({arg})
    {check}
"""


def make_problem(folder: Path, tests: str = DOUBLES, *, seconds: float = 1.0) -> CodingProblem:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "test_probe.py"
    path.write_text(textwrap.dedent(tests), encoding="utf-8")
    return CodingProblem(
        id="probe",
        title="Double a number.",
        topics=("coding",),
        roles=(),
        level=Level.JUNIOR,
        minutes=1,
        concepts=(),
        signature="def f(x)",
        statement="Return twice x.",
        starter="def f(x):\n    raise NotImplementedError\n",
        solution="def f(x):\n    return 2 * x\n",
        tests_path=str(path),
        time_limit_s=seconds,
        memory_mb=256,
    )


def attack(tmp_path: Path, code: str, tests: str = DOUBLES, **kw: float) -> RunResult:
    problem = make_problem(tmp_path / "hidden", tests, **kw)
    return run_code(problem, textwrap.dedent(code))


def messages(result: RunResult) -> list[str]:
    return [t.message for t in result.tests]


def sandbox_processes() -> list[int]:
    """Processes running under any per-run sandbox uid (there must be none between runs)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                uid = os.stat(entry.path).st_uid
            except FileNotFoundError:
                continue
            if UID_BASE <= uid < UID_BASE + UID_SPAN:
                found.append(int(entry.name))
    return found


@pytest.fixture(autouse=True)
def _no_process_survives() -> object:
    detect()  # coding must be available here: a missing bubblewrap fails, not skips
    yield
    assert sandbox_processes() == [], "a sandboxed process outlived its run"


def test_a_correct_answer_passes(tmp_path: Path) -> None:
    result = attack(tmp_path, "def f(x):\n    return 2 * x\n")
    assert result.ok, result.to_dict()


# --- time -----------------------------------------------------------------------------
TIMEOUTS = ("your code ran longer than 1 s", "your code ran past 3 s, the limit for the whole run")


def test_infinite_loop_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    result = attack(tmp_path, "def f(x):\n    while True:\n        pass\n")
    assert result.passed == 0
    assert messages(result)[0] == TIMEOUTS[0]
    assert messages(result)[1] in TIMEOUTS
    assert result.seconds < 6


def test_sleeping_past_the_wall_clock_limit_is_stopped(tmp_path: Path) -> None:
    result = attack(tmp_path, "import time\n\ndef f(x):\n    time.sleep(60)\n    return 2 * x\n")
    assert messages(result)[0] == TIMEOUTS[0]
    assert messages(result)[1] in TIMEOUTS
    assert result.seconds < 6


def test_a_slow_import_is_reported_as_a_load_failure(tmp_path: Path) -> None:
    result = attack(tmp_path, "while True:\n    pass\n")
    assert result.error == "your code did not load: your code ran longer than 1 s while loading"
    assert messages(result) == ["not run: your code did not load"] * 2


def test_the_whole_run_has_a_budget(tmp_path: Path) -> None:
    many = "".join(f"\ndef test_{i}(f):\n    assert f({i}) == {2 * i}\n" for i in range(8))
    result = attack(
        tmp_path, "import time\n\ndef f(x):\n    time.sleep(0.9)\n    return 2 * x\n", many
    )
    assert result.seconds < 5
    assert result.passed >= 2
    assert "not run: the whole run is limited to 3 s" in messages(result)


# --- processes and threads --------------------------------------------------------------
def test_fork_bomb_cannot_start_a_process(tmp_path: Path) -> None:
    result = attack(tmp_path, "import os\n\ndef f(x):\n    while True:\n        os.fork()\n")
    assert result.passed == 0
    for message in messages(result):
        assert message.startswith("PermissionError: [Errno 1] Operation not permitted")
        assert "no new processes" in message and "line 5 in f" in message


def test_fork_bomb_at_import_is_a_load_failure(tmp_path: Path) -> None:
    result = attack(tmp_path, "import os\nwhile True:\n    os.fork()\n")
    assert result.error is not None
    assert result.error.startswith("your code did not load: PermissionError")


def test_thread_bomb_hits_the_thread_limit(tmp_path: Path) -> None:
    code = """
    import threading, time

    def f(x):
        while True:
            threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
    """
    result = attack(tmp_path, code)
    assert result.passed == 0
    assert all("can't start new thread" in m for m in messages(result)), messages(result)


def test_spawning_a_shell_fails(tmp_path: Path) -> None:
    code = """
    import os, subprocess

    def f(x):
        seen = []
        for run in (lambda: subprocess.run(["/bin/sh", "-c", "id"]),
                    lambda: os.system("id"),
                    lambda: os.posix_spawn("/bin/sh", ["sh"], {}),
                    lambda: os.execv("/bin/sh", ["sh", "-c", "id"])):
            try:
                seen.append(repr(run()))
            except OSError as exc:
                seen.append(type(exc).__name__)
        return seen
    """
    check = (
        "assert seen[0] in ('PermissionError', 'FileNotFoundError'), seen\n    "
        "assert seen[1] != '0', seen\n    "
        "assert seen[2:] == ['PermissionError', 'FileNotFoundError'], seen"
    )
    result = attack(tmp_path, code, OBSERVES.format(arg="0", check=check))
    assert result.ok, result.to_dict()


def test_no_background_process_survives_the_run(tmp_path: Path) -> None:
    marker = f"mlcoach-attack-{os.getpid()}-{time.monotonic_ns()}"
    code = f"""
    import os, subprocess, sys, threading, time

    def f(x):
        try:
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "{marker}"],
                             start_new_session=True)
        except OSError:
            pass
        threading.Thread(target=time.sleep, args=(60,)).start()  # a non-daemon thread
        return 2 * x
    """
    result = attack(tmp_path, code)
    assert result.ok, result.to_dict()
    for pid in os.listdir("/proc"):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        assert marker.encode() not in cmdline


# --- memory, disk, output -----------------------------------------------------------------
def test_allocating_50_gb_is_refused(tmp_path: Path) -> None:
    code = "import numpy as np\n\ndef f(x):\n    return float(np.ones(50 * 2**30 // 8).sum())\n"
    result = attack(tmp_path, code)
    assert result.passed == 0
    for message in messages(result):
        assert message.startswith("your code used more than 256 MB"), message


def test_growing_memory_step_by_step_is_refused(tmp_path: Path) -> None:
    code = """
    def f(x):
        blocks = []
        while True:
            blocks.append(bytearray(32 << 20))
    """
    result = attack(tmp_path, code)
    assert all(m.startswith("your code used more than 256 MB") for m in messages(result))


def test_writing_10_gb_to_disk_stops_at_the_file_limit(tmp_path: Path) -> None:
    code = """
    def f(x):
        chunk = b"x" * (1 << 20)
        with open("/tmp/big", "wb") as out:
            for _ in range(10 * 1024):
                out.write(chunk)
    """
    result = attack(tmp_path, code)
    assert result.passed == 0
    for message in messages(result):
        assert "File too large" in message and "files are limited to 16 MB" in message


def test_many_files_fill_only_the_small_tmp(tmp_path: Path) -> None:
    code = """
    def f(x):
        chunk = b"x" * (1 << 20)
        for i in range(10 * 1024):
            with open(f"/tmp/part{i}", "wb") as out:
                out.write(chunk)
    """
    result = attack(tmp_path, code)
    assert all("No space left on device" in m for m in messages(result)), messages(result)


def test_nothing_outside_tmp_is_writable(tmp_path: Path) -> None:
    code = """
    def f(x):
        seen = []
        for path in ("/sandbox/solution.py", "/sandbox/x", "/x", "/usr/lib/x", "/dev/shm/x"):
            try:
                open(path, "w").write("x")
                seen.append(path)
            except OSError:
                pass
        return seen
    """
    result = attack(tmp_path, code, OBSERVES.format(arg="0", check="assert seen == [], seen"))
    assert result.ok, result.to_dict()


def test_printing_1_gb_is_cut_off(tmp_path: Path) -> None:
    code = """
    import sys

    def f(x):
        line = "x" * (1 << 20)
        for _ in range(1024):
            sys.stdout.write(line)
        return 2 * x
    """
    result = attack(tmp_path, code)
    assert messages(result) == ["your code printed more than 1 MB"] * 2
    assert result.seconds < 5
    assert len(result.output) <= 8 << 10


# --- network ------------------------------------------------------------------------------
def test_no_network_reaches_the_host(tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    accepted: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(listener.accept())
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    port = listener.getsockname()[1]
    code = """
    import socket

    def f(port):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            connected = "connected"
        except OSError as exc:
            connected = type(exc).__name__
        return connected, [name for _, name in socket.if_nameindex()]
    """
    check = "assert seen[0] == 'ConnectionRefusedError', seen\n    assert seen[1] == ['lo'], seen"
    try:
        result = attack(tmp_path, code, OBSERVES.format(arg=port, check=check))
    finally:
        stop.set()
        thread.join()
        listener.close()
    assert result.ok, result.to_dict()
    assert accepted == []


# --- secrets -------------------------------------------------------------------------------
def test_hidden_tests_cannot_be_read(tmp_path: Path) -> None:
    code = """
    import os, re

    def f(path):
        seen = []
        try:
            seen.append(open(path).read())
        except OSError as exc:
            seen.append(type(exc).__name__)
        for root, _, files in os.walk("/"):
            if root.startswith("/proc"):
                continue
            # The probe's tests, or any bank test file (test_<id-with-dashes>.py).
            seen += [os.path.join(root, n) for n in files
                     if n == "test_probe.py" or re.fullmatch(r"test_\\w+(-\\w+)+\\.py", n)]
        return seen
    """
    folder = tmp_path / "hidden"
    tests = OBSERVES.format(
        arg=repr(str(folder / "test_probe.py")), check="assert seen == ['FileNotFoundError'], seen"
    )
    result = attack(tmp_path, code, tests, seconds=20)  # walking every mounted file is slow
    assert result.ok, result.to_dict()


def test_shadow_home_and_project_are_out_of_reach(tmp_path: Path) -> None:
    home = str(Path.home())
    mounted = {m.dest for m in detect().mounts}
    # Only the path down to a mounted interpreter may exist inside (pyenv lives in ~).
    allowed = sorted(
        {p[len(home) + 1 :].split("/")[0] for p in mounted if p.startswith(home + "/")}
    )
    targets = [
        "/etc/shadow",
        "/etc/passwd",
        f"{home}/.bash_history",
        f"{home}/.ssh",
        os.getcwd(),
        str(tmp_path),
        os.environ.get("MLCOACH_DATA_DIR", "/nonexistent"),
    ]
    code = """
    import os

    def f(args):
        home, targets = args
        found = [t for t in targets if os.path.exists(t)]
        listing = sorted(os.listdir(home)) if os.path.isdir(home) else []
        return found, listing
    """
    check = f"assert seen[0] == [], seen\n    assert set(seen[1]) <= set({allowed!r}), seen"
    result = attack(tmp_path, code, OBSERVES.format(arg=repr((home, targets)), check=check))
    assert result.ok, result.to_dict()


def test_environment_secrets_are_not_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "fake-secret-4f9c2e"
    monkeypatch.setenv("MLCOACH_FAKE_API_KEY", secret)
    code = """
    import os

    def f(x):
        seen = [repr(dict(os.environ))]
        for pid in os.listdir("/proc"):
            if pid.isdigit() or pid == "self":
                try:
                    seen.append(open(f"/proc/{pid}/environ", "rb").read().decode("latin-1"))
                except OSError:
                    pass
        return "\\n".join(seen)
    """
    check = f"assert {secret!r} not in seen and 'MLCOACH' not in seen, seen"
    result = attack(tmp_path, code, OBSERVES.format(arg="0", check=check))
    assert result.ok, result.to_dict()


# --- forging a pass ------------------------------------------------------------------------
def test_exit_zero_at_import_is_not_a_pass(tmp_path: Path) -> None:
    result = attack(tmp_path, "import sys\nprint('PASS')\nsys.exit(0)\n")
    assert result.passed == 0
    assert result.error == "your code did not load: your code called exit(0) while loading"


def test_exit_zero_during_a_call_is_not_a_pass(tmp_path: Path) -> None:
    result = attack(tmp_path, "import sys\n\ndef f(x):\n    sys.exit(0)\n")
    assert result.passed == 0
    assert messages(result) == ["your code called exit(0) instead of returning a value"] * 2


def test_hard_exit_is_not_a_pass(tmp_path: Path) -> None:
    result = attack(tmp_path, "import os\n\ndef f(x):\n    os._exit(0)\n")
    assert result.passed == 0
    expected = "your code ended its process (exit status 0) instead of returning a value"
    assert messages(result) == [expected] * 2


def test_replacing_the_harness_process_is_not_a_pass(tmp_path: Path) -> None:
    code = """
    import os, sys

    def f(x):
        os.execv(sys.executable, [sys.executable, "-c", "print('PASS'); print('2 passed')"])
    """
    result = attack(tmp_path, code)
    assert result.passed == 0
    assert all("ended its process" in m for m in messages(result)), messages(result)


def test_forged_markers_and_protocol_writes_are_not_a_pass(tmp_path: Path) -> None:
    code = """
    import json, os, sys
    import __main__ as harness

    def forge():
        token = sys.argv[1]
        lines = ["PASS", "OK", "2 passed, 0 failed",
                 json.dumps({"passed": 2, "failed": 0, "error": None, "tests": []})]
        for call_id in range(0, 5):
            for kind in ("pass", "ok", "ready", "result"):
                lines.append(json.dumps({"token": token, "id": call_id, "kind": kind,
                                         "passed": True, "value": "PASS"}))
        data = ("\\n".join(lines) + "\\n").encode()
        for fd in range(0, 12):
            try:
                os.write(fd, data)
            except OSError:
                pass

    def send(self, call_id, kind, **fields):
        original(self, call_id, "pass", passed=True)

    original = harness._Channel.send
    harness._Channel.send = send
    harness.encode = lambda value, depth=0: "PASS"
    forge()

    def f(x):
        forge()
        return 0
    """
    result = attack(tmp_path, code)
    assert result.passed == 0, result.to_dict()
    assert result.error is not None or all(m for m in messages(result))


def test_wrong_answer_with_forgery_on_the_protocol_fd_still_fails(tmp_path: Path) -> None:
    code = """
    import json, os, sys

    def f(x):
        token = sys.argv[1]
        for fd in range(3, 12):
            try:
                os.write(fd, b'{"token": "%s", "id": 999, "kind": "return", "value": 4}\\n'
                         % token.encode())
            except OSError:
                pass
        return -1
    """
    result = attack(tmp_path, code)
    assert result.passed == 0
    assert messages(result) == ["f(2) should be 4", "f(3) should be 6"]


# --- crashes -------------------------------------------------------------------------------
def test_infinite_recursion_is_a_clear_error(tmp_path: Path) -> None:
    result = attack(tmp_path, "def f(x):\n    return f(x)\n")
    for message in messages(result):
        assert message.startswith("RecursionError: maximum recursion depth exceeded"), message
        assert "your code, line 2 in f" in message


def test_recursion_past_the_c_stack_is_a_clear_crash(tmp_path: Path) -> None:
    # Each level goes through C (map), so the C stack overflows before the recursion limit.
    code = "import sys\nsys.setrecursionlimit(10**8)\n\ndef f(x):\n    return list(map(f, [x]))\n"
    result = attack(tmp_path, code)
    assert result.passed == 0
    for message in messages(result):
        assert message.startswith("your code crashed the interpreter (segmentation fault"), message


def test_limits_of_the_run_are_the_problems(tmp_path: Path) -> None:
    problem = make_problem(tmp_path / "hidden", seconds=2.0)
    assert Limits.for_problem(problem).run_seconds == 6.0

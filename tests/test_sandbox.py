"""The coding sandbox: every reference passes in it, wrong solutions fail with their
`# expect:` text, values cross the pipe intact, and detection explains what is missing."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

from mlcoach.coding import (
    Limits,
    detect,
    function_name,
    harness,
    hidden_tests,
    run_code,
    sandbox,
    seccomp,
)
from mlcoach.coding.problems import load_problems
from mlcoach.coding.replies import Stop, exit_message, rebuild, sync
from mlcoach.errors import ContentError, SandboxError
from tests.test_attacks import attack, make_problem

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox needs Linux with bubblewrap"
)
PROBLEMS = sorted(load_problems().values(), key=lambda p: p.id)
SAMPLE = [
    "adam-step",
    "k-means-lloyd",
    "multi-head-attention-shapes",
    "roc-auc-score",
    "stratified-train-val-split",
    "numerical-gradient-check",
]


def _folder(problem_id: str) -> Path:
    return Path(next(p for p in PROBLEMS if p.id == problem_id).tests_path).parent


# --- the bank, in the real sandbox ---------------------------------------------------------
@linux_only
@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_reference_solution_passes_in_the_sandbox(problem) -> None:  # type: ignore[no-untyped-def]
    result = run_code(problem, problem.solution)
    assert result.ok, result.to_dict()
    assert result.passed >= 6 and result.error is None


@linux_only
@pytest.mark.parametrize("problem_id", SAMPLE)
def test_wrong_solutions_fail_naming_their_mistake(problem_id: str) -> None:
    problem = next(p for p in PROBLEMS if p.id == problem_id)
    wrong = sorted(_folder(problem_id).glob("wrong_*.py"))
    assert len(wrong) >= 2
    for path in wrong:
        code = path.read_text(encoding="utf-8")
        expected = re.search(r"#\s*expect:\s*(.+)", code).group(1).strip().lower()  # type: ignore[union-attr]
        result = run_code(problem, code)
        failures = [f"{t.name}: {t.message}".lower() for t in result.tests if not t.ok]
        assert failures, f"{path.name} passes in the sandbox"
        assert any(expected in f for f in failures), (path.name, failures)


@linux_only
def test_the_starter_fails_every_test_with_its_line() -> None:
    problem = next(p for p in PROBLEMS if p.id == "softmax-stable")
    result = run_code(problem, problem.starter)
    assert result.passed == 0 and result.error is None
    for test in result.tests:
        assert test.message.startswith("NotImplementedError (your code, line ")
        assert "raise NotImplementedError" in test.message


def test_forty_problems_load_with_their_hidden_tests() -> None:
    assert len(PROBLEMS) >= 40
    for problem in PROBLEMS:
        names = [name for name, _ in hidden_tests(problem)]
        assert len(names) >= 6 and len(set(names)) == len(names)
        assert function_name(problem.signature).isidentifier()


def test_hidden_tests_keep_their_written_order(tmp_path: Path) -> None:
    tests = "def test_b(f):\n    pass\n\ndef test_a(f):\n    pass\n\ndef helper(f):\n    pass\n"
    problem = make_problem(tmp_path, tests)
    assert [name for name, _ in hidden_tests(problem)] == ["test_b", "test_a"]


def test_broken_hidden_tests_are_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="do not load"):
        hidden_tests(make_problem(tmp_path, "import nonexistent_module_xyz\n"))
    with pytest.raises(ContentError, match="no test_ function"):
        hidden_tests(make_problem(tmp_path, "x = 1\n"))
    with pytest.raises(ContentError, match="does not start with 'def name\\('"):
        function_name("lambda x: x")


# --- what a learner sees ---------------------------------------------------------------------
@linux_only
def test_a_syntax_error_is_a_load_error_with_its_line(tmp_path: Path) -> None:
    result = attack(tmp_path, "def f(x)\n    return 2 * x\n")
    assert result.error is not None
    assert result.error.startswith("your code did not load: SyntaxError: ")
    assert "(line 1)" in result.error
    assert [t.message for t in result.tests] == ["not run: your code did not load"] * 2
    assert result.failed == 2 and not result.ok


@linux_only
def test_a_missing_function_is_named(tmp_path: Path) -> None:
    result = attack(tmp_path, "def g(x):\n    return 2 * x\n")
    assert result.error == (
        "your code did not load: NameError: your code does not define a function named f()"
    )


@linux_only
def test_exceptions_come_back_as_builtin_types(tmp_path: Path) -> None:
    tests = """
    def test_raises_value_error(f):
        try:
            f(-1)
        except ValueError as exc:
            assert "negative" in str(exc)
            return
        raise AssertionError("expected ValueError")


    def test_other_errors(f):
        f(-2)
    """
    code = """
    class Negative(ValueError):
        pass

    class Odd(Exception):
        pass

    def f(x):
        if x == -1:
            raise Negative("negative input")
        raise Odd("odd input")
    """
    result = attack(tmp_path, code, tests)
    assert [t.ok for t in result.tests] == [True, False]
    assert (
        result.tests[1].message
        == 'Odd: odd input (your code, line 11 in f: raise Odd("odd input"))'
    )


@linux_only
def test_values_keep_their_types_across_the_pipe(tmp_path: Path) -> None:
    tests = """
    import numpy as np

    def test_types(f):
        arr = np.arange(6, dtype=np.int16).reshape(2, 3)
        out = f(((1, 2), [2.5, "a"], {3: np.float32(1.5)}, arr))
        t, lst, d, arr, s, c, none, b = out
        assert t == (1,) and type(t) is tuple, out
        assert lst == [2.5, "a"] and type(lst) is list, out
        assert d == {3: 1.5} and type(d[3]) is np.float32, out
        assert arr.dtype == np.int16 and arr.shape == (3, 2), out
        assert s == {1, 2} and c == 1 + 2j and none is None and b == b"x", out
    """
    code = """
    def f(args):
        t, lst, d, arr = args
        return t[:1], lst, d, arr.T, {1, 2}, 1 + 2j, None, b"x"
    """
    result = attack(tmp_path, code, tests)
    assert result.ok, result.to_dict()


@linux_only
def test_unreadable_results_and_printed_output(tmp_path: Path) -> None:
    code = "def f(x):\n    print('thinking about', x)\n    return lambda: x\n"
    result = attack(tmp_path, code)
    assert result.tests[0].message.startswith(
        "TypeError: your function returned a value the tests cannot read"
    )
    assert "thinking about 2" in result.output and "thinking about 3" in result.output


@linux_only
def test_in_place_changes_to_arguments_reach_the_tests(tmp_path: Path) -> None:
    tests = """
    import numpy as np

    def test_mutation(f):
        x, items = np.zeros(3), [1, 2]
        f(x, items)
        assert x.tolist() == [1.0, 0.0, 0.0] and items == [1, 2, 3], (x, items)
    """
    code = "def f(x, items):\n    x[0] = 1\n    items.append(3)\n"
    result = attack(tmp_path, code, tests)
    assert result.ok, result.to_dict()


# --- the codec ---------------------------------------------------------------------------------
def roundtrip(value: object) -> object:
    return harness.decode(harness.encode(value))


def test_codec_round_trips_every_supported_type() -> None:
    value = {
        "a": (1, 2.5, True, None, "x"),
        7: [np.float64(1.5), np.int8(-3), np.bool_(True)],
        ("k",): {frozenset({1}), 2},
        "arrays": [np.arange(4.0).reshape(2, 2), np.array(["a", "bc"]), np.array([1 + 1j])],
        "bytes": b"\x00\xff",
        "nan": float("nan"),
    }
    back = roundtrip(value)
    assert isinstance(back, dict)
    assert back["a"] == (1, 2.5, True, None, "x")
    assert type(back[7][1]) is np.int8 and back[7][1] == -3
    assert back[("k",)] == {frozenset({1}), 2}
    np.testing.assert_array_equal(back["arrays"][0], value["arrays"][0])  # type: ignore[index]
    assert back["arrays"][1].dtype == np.dtype("<U2")
    assert back["bytes"] == b"\x00\xff" and np.isnan(back["nan"])


def test_codec_refuses_objects_and_pickles() -> None:
    with pytest.raises(harness.WireError, match="cannot be passed"):
        harness.encode(np.array([object()]))
    with pytest.raises(harness.WireError, match="type function"):
        harness.encode(lambda: 1)
    import base64
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    pickled = {"$": "nd", "npy": base64.b64encode(buffer.getvalue()).decode()}
    with pytest.raises((harness.WireError, ValueError)):
        harness.decode(pickled)
    with pytest.raises(harness.WireError):
        harness.decode({"$": "evil", "items": []})
    with pytest.raises(harness.WireError, match="nested too deeply"):
        harness.decode(eval("[" * 200 + "]" * 200))  # a literal


def test_exceptions_rebuild_as_builtins_or_stop() -> None:
    limits = Limits(seconds=5, memory_mb=512)
    value_error = rebuild(
        {
            "type": "AxisError",
            "bases": ["ValueError", "IndexError", "Exception", "BaseException", "object"],
            "message": "bad axis",
        },
        limits,
    )
    assert type(value_error) is ValueError and str(value_error) == "AxisError: bad axis"
    custom = rebuild(
        {"type": "Odd", "bases": ["Exception", "BaseException", "object"], "message": "m"}, limits
    )
    assert type(custom) is RuntimeError and str(custom) == "Odd: m"
    memory = rebuild(
        {"type": "_ArrayMemoryError", "bases": ["MemoryError"], "message": "x"}, limits
    )
    assert isinstance(memory, Stop) and memory.message.startswith("your code used more than 512 MB")
    no_exit = rebuild({"type": "SystemExit", "bases": ["SystemExit"], "message": "0"}, limits)
    assert type(no_exit) is RuntimeError
    hinted = rebuild(
        {"type": "OSError", "bases": ["OSError"], "message": "[Errno 27] File too large"}, limits
    )
    assert "files are limited to 16 MB" in str(hinted)


def test_sync_mirrors_in_place_changes_only() -> None:
    x, keep, items = np.zeros(2), np.ones(2), [np.zeros(1), 5]
    frozen = np.zeros(2)
    frozen.flags.writeable = False
    sync(
        (x, keep, items, frozen),
        {},
        [np.array([1.0, 2.0]), np.ones(2), [np.ones(1), 6], np.ones(2)],
        None,
    )
    assert x.tolist() == [1.0, 2.0] and items[0].tolist() == [1.0] and items[1] == 6
    assert frozen.tolist() == [0.0, 0.0]


def test_exit_codes_become_messages() -> None:
    limits = Limits(seconds=5)
    assert (
        exit_message(128 + 24, limits, loading=False) == "your code used more than 16 s of CPU time"
    )
    assert exit_message(-11, limits, loading=False).startswith("your code crashed the interpreter")
    assert exit_message(3, limits, loading=True) == (
        "your code ended its process (exit status 3) while loading instead of returning a value"
    )


# --- detection and the command line ------------------------------------------------------------
@pytest.fixture
def fresh_detection() -> object:
    sandbox._detect.cache_clear()
    yield
    sandbox._detect.cache_clear()


def test_without_bubblewrap_coding_is_disabled_clearly(
    monkeypatch: pytest.MonkeyPatch, fresh_detection: object
) -> None:
    monkeypatch.setattr(sandbox.shutil, "which", lambda name, **_: None)
    with pytest.raises(SandboxError, match="bubblewrap \\(bwrap\\) is not installed"):
        detect()
    with pytest.raises(SandboxError, match="apt-get install bubblewrap"):
        run_code(PROBLEMS[0], PROBLEMS[0].solution)


def test_on_macos_coding_is_disabled_clearly(
    monkeypatch: pytest.MonkeyPatch, fresh_detection: object
) -> None:
    monkeypatch.setattr(sandbox.sys, "platform", "darwin")
    with pytest.raises(
        SandboxError, match=r"disabled on this system .*needs Linux with bubblewrap"
    ):
        detect()


def test_an_old_bubblewrap_is_refused(
    monkeypatch: pytest.MonkeyPatch, fresh_detection: object, tmp_path: Path
) -> None:
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho bubblewrap 0.6.1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    with pytest.raises(SandboxError, match=r"bubblewrap 0\.6\.1 is too old"):
        detect()


@linux_only
def test_the_command_line_isolates_and_limits(tmp_path: Path) -> None:
    box = detect()
    (tmp_path / "stage").mkdir()
    limits = Limits(seconds=5, memory_mb=512)
    cmd = box.command(tmp_path, uid=box.new_uid(), limits=limits, argv=["x.py"], filter_fd=9)
    text = " ".join(cmd)
    for flag in (
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
        "--cap-drop ALL",
        "--clearenv",
        "--seccomp 9",
        "--core=0",
        f"--as={(512 + 256) << 20}",
        "--cpu=16:17",
        "--nofile=64",
        f"--fsize={16 << 20}",
        "--remount-ro /",
        f"--size {16 << 20} --tmpfs /tmp",
    ):
        assert flag in text, flag
    if box.as_root:
        setpriv = cmd.index(box.setpriv)  # type: ignore[arg-type]
        assert cmd[setpriv + 1].startswith("--reuid=") and int(cmd[setpriv + 1][8:]) >= 10**9
        assert "--clear-groups" in cmd and "--no-new-privs" in cmd
        assert cmd.index(box.prlimit) < setpriv < cmd.index(box.bwrap, setpriv)
    assert str(Path.home()) not in {m.dest for m in box.mounts}


def test_seccomp_program_is_well_formed() -> None:
    for machine in ("x86_64", "aarch64"):
        program = seccomp.program(machine)
        assert len(program) % 8 == 0 and 20 < len(program) // 8 < 255
        code = [struct.unpack("=HBBI", program[i : i + 8]) for i in range(0, len(program), 8)]
        assert code[0] == (0x20, 0, 0, 4)  # load the architecture first
        for i, (op, jt, jf, _) in enumerate(code):
            if op & 0x07 == 0x05:  # a jump stays inside the program
                assert i + 1 + max(jt, jf) < len(code)
    assert not seccomp.supported("sparc64")


def test_limits_messages_are_plain() -> None:
    limits = Limits(seconds=5, memory_mb=512)
    assert limits.too_slow() == "your code ran longer than 5 s"
    assert limits.too_much_memory() == "your code used more than 512 MB"
    assert limits.too_much_output() == "your code printed more than 1 MB"
    assert limits.run_seconds == 15


def test_harness_is_standalone_and_never_unpickles() -> None:
    source = Path(harness.__file__).read_text(encoding="utf-8")
    assert "from mlcoach" not in source and "import mlcoach" not in source
    assert "import pickle" not in source and "marshal" not in source
    assert set(re.findall(r"allow_pickle=(\w+)", source)) == {"False"}
    loads = [line for line in source.splitlines() if "np.load(" in line]
    assert loads and all("allow_pickle=False" in line for line in loads)

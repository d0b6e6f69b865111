"""Where and how untrusted code runs: bubblewrap, an unprivileged uid, rlimits, seccomp.

`detect()` looks for the tools once per process; `Sandbox.command()` builds the command
line of one sandboxed interpreter. As root the chain is

    bwrap (privileged; own mount and pid namespaces: stages the interpreter and NumPy)
      -> prlimit (CPU, address space, processes, file size, open files, no core dumps)
      -> setpriv (a fresh unprivileged uid per run, no groups, no new privileges)
      -> bwrap (user, pid, net, ipc, uts and cgroup namespaces; read-only binds; seccomp)
      -> python -I harness.py

The first bwrap gives the run a pid namespace of its own (so that killing its pid 1 ends
everything and no zombie is left behind). As root it also stages the mounts: the
interpreter may live where the unprivileged uid cannot look (pyenv under /root), so each
source is bound into the run folder, inside that bwrap's mount namespace; the host's
mounts never change. As an ordinary user there is no setpriv, the first bwrap also makes
a user namespace, and the sandbox runs as that user.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import platform
import re
import secrets
import shutil
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from mlcoach.coding import seccomp
from mlcoach.coding.limits import Limits
from mlcoach.errors import SandboxError

BOX = "/sandbox"  # the candidate's file and the harness, read-only
SITE = "/opt/site"  # NumPy, read-only
UID_BASE, UID_SPAN = 1_900_000_000, 100_000_000  # per-run uids, far above real accounts
MIN_BWRAP = (0, 8, 0)  # --disable-userns and --size
SYSTEM_LIBS = ("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64", "/lib32", "/libx32")
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")
ENV = {
    "HOME": "/tmp",
    "TMPDIR": "/tmp",
    "LANG": "C.UTF-8",
    "PATH": "/nonexistent",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


@dataclass(frozen=True)
class Mount:
    """A read-only bind (`source` is a host path) or a symlink (`source` is its target)."""

    source: str
    dest: str
    symlink: bool = False


@dataclass(frozen=True)
class Sandbox:
    """The tools found on this system and what every sandbox mounts."""

    bwrap: str
    prlimit: str
    setpriv: str | None  # set when running as root: the candidate never runs as root
    python: str
    mounts: tuple[Mount, ...]
    filter: bytes | None  # the seccomp program, when the architecture is supported

    @property
    def as_root(self) -> bool:
        return self.setpriv is not None

    def new_uid(self) -> int:
        """A uid for one run (as root), so its processes can be counted and swept."""
        if not self.as_root:
            return os.getuid()
        return UID_BASE + secrets.randbelow(UID_SPAN)

    def command(
        self, run_dir: Path, *, uid: int, limits: Limits, argv: list[str], filter_fd: int | None
    ) -> list[str]:
        """The full command line; `run_dir` holds `box/` and an empty `stage/`."""
        # The outer bwrap gives the run a pid namespace whose pid 1 is the inner bwrap:
        # when that ends, the kernel kills and reaps the whole run, even the processes the
        # inner bwrap leaves unreaped. As root it also stages the mounts (see above).
        outer = [self.bwrap, "--dev-bind", "/", "/", "--unshare-pid", "--as-pid-1"]
        outer += ["--die-with-parent"] if self.as_root else ["--unshare-user", "--die-with-parent"]
        sources = [m.source for m in self.mounts]
        if self.as_root:
            sources = [_stage(run_dir, i, mount) for i, mount in enumerate(self.mounts)]
            for mount, staged in zip(self.mounts, sources, strict=True):
                if not mount.symlink:
                    outer += ["--ro-bind", mount.source, staged]
        outer.append("--")
        rlimits = [
            self.prlimit,
            f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 1}",
            f"--as={limits.address_space}",
            f"--nproc={_nproc(uid, limits, as_root=self.as_root)}",
            f"--fsize={limits.file_mb << 20}",
            f"--nofile={limits.open_files}",
            "--core=0",
            "--",
        ]
        drop = []
        if self.setpriv:
            ids = [f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs"]
            drop = [self.setpriv, *ids, "--"]
        return outer + rlimits + drop + self._inner(run_dir, sources, limits, argv, filter_fd)

    def _inner(
        self, run_dir: Path, sources: list[str], limits: Limits, argv: list[str], fd: int | None
    ) -> list[str]:
        cmd = [self.bwrap, "--unshare-all", "--unshare-user", "--disable-userns"]
        cmd += ["--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox"]
        for mount, source in zip(self.mounts, sources, strict=True):
            flag = "--symlink" if mount.symlink else "--ro-bind"
            cmd += [flag, mount.source if mount.symlink else source, mount.dest]
        cmd += ["--ro-bind", str(run_dir / "box"), BOX, "--proc", "/proc"]
        for device in DEVICES:
            cmd += ["--dev-bind", device, device]
        cmd += ["--symlink", "/proc/self/fd", "/dev/fd"]
        cmd += ["--size", str(limits.tmp_mb << 20), "--tmpfs", "/tmp", "--remount-ro", "/"]
        cmd += ["--chdir", "/tmp"]
        if fd is not None:
            cmd += ["--seccomp", str(fd)]
        cmd.append("--clearenv")
        for key, value in ENV.items():
            cmd += ["--setenv", key, value]
        return [*cmd, self.python, "-I", "-B", "-X", "utf8", *argv]


def _stage(run_dir: Path, index: int, mount: Mount) -> str:
    staged = run_dir / "stage" / str(index)
    if mount.symlink:
        return mount.source
    if os.path.isdir(mount.source):
        staged.mkdir(mode=0o755)
    else:
        staged.touch(mode=0o644)
    return str(staged)


def _nproc(uid: int, limits: Limits, *, as_root: bool) -> int:
    """RLIMIT_NPROC counts every process of the real uid: a fresh uid starts at zero."""
    if as_root:
        return limits.threads
    return _count_processes(uid) + limits.threads


def _count_processes(uid: int) -> int:
    return len(processes_of(uid))


def children_of(pid: int) -> list[int]:
    """Pids whose parent is `pid` (Linux /proc; no CONFIG_PROC_CHILDREN needed)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def processes_of(uid: int) -> list[int]:
    """Pids whose real uid is `uid` (Linux /proc)."""
    pids = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as f:
                uid_line = next(line for line in f if line.startswith("Uid:"))
        except (OSError, StopIteration):
            continue
        if int(uid_line.split()[1]) == uid:
            pids.append(int(entry.name))
    return pids


# --- detection ------------------------------------------------------------------------------
@functools.cache
def _detect() -> Sandbox | str:
    try:
        return _find()
    except SandboxError as exc:
        return exc.message


def detect() -> Sandbox:
    """The sandbox of this system, found once; SandboxError says why coding is disabled."""
    found = _detect()
    if isinstance(found, str):
        raise SandboxError(found)
    return found


def _find() -> Sandbox:
    if not sys.platform.startswith("linux"):
        raise SandboxError(
            f"coding drills are disabled on this system ({platform.system()}): running "
            "untrusted code safely needs Linux with bubblewrap"
        )
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxError(
            "coding drills are disabled: bubblewrap (bwrap) is not installed; install the "
            "Debian package 'bubblewrap' (sudo apt-get install bubblewrap or make system-deps)"
        )
    _check_version(bwrap)
    prlimit = _tool("prlimit")
    setpriv = _tool("setpriv") if os.geteuid() == 0 else None
    machine = platform.machine()
    program = seccomp.program(machine) if seccomp.supported(machine) else None
    python = os.path.realpath(sys.executable)
    return Sandbox(bwrap, prlimit, setpriv, python, _mounts(python), program)


def _tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if path is None:
        raise SandboxError(f"coding drills are disabled: '{name}' (util-linux) is not installed")
    return path


def _check_version(bwrap: str) -> None:
    import subprocess

    try:
        out = subprocess.run(
            [bwrap, "--version"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SandboxError(f"coding drills are disabled: cannot run {bwrap}: {exc}") from None
    found = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", out)
    version = tuple(int(part or 0) for part in found.groups()) if found else (0, 0, 0)
    if version < MIN_BWRAP:
        shown = ".".join(map(str, version))
        raise SandboxError(
            f"coding drills are disabled: bubblewrap {shown} is too old, 0.8.0 or newer is needed"
        )


def _mounts(python: str) -> tuple[Mount, ...]:
    """The interpreter, its standard library, libpython, NumPy and the system libraries."""
    mounts = [_system(path) for path in SYSTEM_LIBS if os.path.lexists(path)]
    if os.path.isfile("/etc/ld.so.cache"):
        mounts.append(Mount("/etc/ld.so.cache", "/etc/ld.so.cache"))
    covered = tuple(m.dest + "/" for m in mounts if not m.symlink)
    # The base interpreter's paths: in a virtualenv "platstdlib" would be the venv itself.
    base = {
        "base": sys.base_prefix,
        "platbase": sys.base_exec_prefix,
        "installed_base": sys.base_prefix,
        "installed_platbase": sys.base_exec_prefix,
    }
    own = {python, *(sysconfig.get_path(k, vars=base) for k in ("stdlib", "platstdlib"))}
    if sysconfig.get_config_var("Py_ENABLE_SHARED"):
        libdir, soname = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
        if libdir and soname and os.path.exists(os.path.join(libdir, soname)):
            own.add(os.path.join(libdir, soname))
    for path in sorted({os.path.realpath(p) for p in own}):
        if not path.startswith(covered):
            mounts.append(Mount(path, path))
    return (*mounts, *_numpy())


def _system(path: str) -> Mount:
    if os.path.islink(path):
        return Mount(os.readlink(path), path, symlink=True)
    return Mount(path, path)


def _numpy() -> list[Mount]:
    spec = importlib.util.find_spec("numpy")
    if spec is None or not spec.submodule_search_locations:
        raise SandboxError("coding drills are disabled: NumPy is not installed")
    package = os.path.realpath(next(iter(spec.submodule_search_locations)))
    mounts = [Mount(package, f"{SITE}/numpy")]
    libs = os.path.join(os.path.dirname(package), "numpy.libs")
    if os.path.isdir(libs):
        mounts.append(Mount(libs, f"{SITE}/numpy.libs"))
    return mounts

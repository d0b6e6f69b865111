"""A small seccomp filter for the sandboxed interpreter (classic BPF, loaded by bwrap).

Resource limits are per process and cannot bound everything a program can do. This filter
closes the gaps: no new processes (threads only), no System V shared memory or memfd
(memory outside RLIMIT_AS), no new namespaces, no ptrace, keyrings, BPF, perf events,
userfaultfd or io_uring. Any other architecture than the native one is killed.
"""

from __future__ import annotations

import errno
import platform
import struct
from dataclasses import dataclass

_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_JSET = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RET = 0x06  # BPF_RET | BPF_K

_ALLOW = 0x7FFF0000
_KILL_PROCESS = 0x80000000
_ERRNO = 0x00050000
_CLONE_THREAD = 0x00010000
_X32_BIT = 0x40000000

_OFFSET_NR, _OFFSET_ARCH, _OFFSET_ARG0 = 0, 4, 16


@dataclass(frozen=True)
class _Arch:
    audit: int
    clone: int
    clone3: int
    denied: tuple[int, ...]  # answered with EPERM
    x32: bool = False


# Syscall numbers: fork/vfork (x86_64 only), ptrace, shmget, shmat, msgget, semget,
# memfd_create, add_key, request_key, keyctl, bpf, perf_event_open, userfaultfd,
# io_uring_setup/enter/register, unshare, setns, mount, umount2, pivot_root, chroot,
# process_vm_readv/writev.
_ARCHES = {
    "x86_64": _Arch(
        audit=0xC000003E,
        clone=56,
        clone3=435,
        denied=(
            57,
            58,
            101,
            29,
            30,
            68,
            64,
            319,
            248,
            249,
            250,
            321,
            298,
            323,
            425,
            426,
            427,
            272,
            308,
            165,
            166,
            155,
            161,
            310,
            311,
        ),
        x32=True,
    ),
    "aarch64": _Arch(
        audit=0xC00000B7,
        clone=220,
        clone3=435,
        denied=(
            117,
            194,
            196,
            186,
            190,
            279,
            217,
            218,
            219,
            280,
            241,
            282,
            425,
            426,
            427,
            97,
            268,
            40,
            39,
            41,
            51,
            270,
            271,
        ),
    ),
}


def supported(machine: str | None = None) -> bool:
    return _machine(machine) in _ARCHES


def _machine(machine: str | None) -> str:
    name = (machine or platform.machine()).lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(name, name)


def program(machine: str | None = None) -> bytes:
    """The filter as bytes of `struct sock_filter`, ready for `bwrap --seccomp FD`."""
    arch = _ARCHES[_machine(machine)]
    eperm = _ERRNO | errno.EPERM
    rules: list[tuple[int, int]] = [(nr, eperm) for nr in arch.denied]
    rules.append((arch.clone3, _ERRNO | errno.ENOSYS))  # glibc then falls back to clone()
    # Layout: header, one jump per rule, clone check, returns (allow, errno per rule).
    code: list[tuple[int, int, int, int]] = [
        (_LD_W_ABS, 0, 0, _OFFSET_ARCH),
        (_JEQ, 1, 0, arch.audit),
        (_RET, 0, 0, _KILL_PROCESS),
        (_LD_W_ABS, 0, 0, _OFFSET_NR),
    ]
    if arch.x32:
        code.append((_JGE, 0, 1, _X32_BIT))
        code.append((_RET, 0, 0, _ERRNO | errno.ENOSYS))
    n = len(rules)
    # After the rule jumps: [clone jeq][allow][ld arg0][jset thread][deny][ret rule 0..n-1]
    for nr, _ in rules:
        # Rule i sits n + 6 instructions before its return: the offset is the same for all.
        code.append((_JEQ, n + 5, 0, nr))
    code.append((_JEQ, 1, 0, arch.clone))
    code.append((_RET, 0, 0, _ALLOW))
    code.append((_LD_W_ABS, 0, 0, _OFFSET_ARG0))  # low 32 bits of the clone flags
    code.append((_JSET, 0, 1, _CLONE_THREAD))
    code.append((_RET, 0, 0, _ALLOW))
    code.append((_RET, 0, 0, eperm))  # a clone without CLONE_THREAD is a new process
    code.extend((_RET, 0, 0, action) for _, action in rules)
    return b"".join(struct.pack("=HBBI", *insn) for insn in code)

"""The question bank: content format, parsing, checking, statistics."""

from mlcoach.bank.loader import Bank, builtin_content_dir, load_bank
from mlcoach.bank.problem import Problem

__all__ = ["Bank", "Problem", "builtin_content_dir", "load_bank"]

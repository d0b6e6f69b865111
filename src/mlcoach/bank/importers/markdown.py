"""Markdown Q&A pages to questions.

A page is read top to bottom. A question starts at a heading, numbered item, bullet, bold
line or `<details><summary>` whose text is shaped like a question (ends with '?', or
'Explain ...'), or at an explicit `Q:` / `Q1.` / `**Q:**` label. Its answer is what follows
until the next question or a heading that is not inside it. Tables of contents (lists of
links), code, display maths and comments never start a question. A page in the SPEC §3
format (front matter plus `## Answer`) is one question with all its sections.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mlcoach.bank.importers import bodies, shapes
from mlcoach.bank.importers.common import (
    Parsed,
    clean_title,
    finish,
    plain_inline,
    slugify,
)
from mlcoach.bank.importers.fragments import sanitize_markdown, sanitize_title
from mlcoach.bank.importers.spec import looks_like_spec, parse_spec
from mlcoach.domain import KeyPoint, Kind, Question

LIST_MARKERS = ("item", "bullet", "qprefix", "bold")


@dataclass
class _Open:
    marker: str  # heading | item | bullet | qprefix | bold | details
    level: int  # heading level; for other markers the enclosing section's level
    title: str
    line: int  # index into the page's lines
    body: list[str] = field(default_factory=list)
    options: list[tuple[bool, str]] = field(default_factory=list)


def parse_markdown(text: str, *, path: str, line_map: list[int] | None = None) -> Parsed:
    """Every question on a Markdown page, with warnings that carry file lines."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_spec(text):
        spec = parse_spec(text, path=path)
        if spec is not None:
            return spec
        parsed = _parse_page(text, path=path, line_map=line_map)
        parsed.warn(path, 1, "front matter is not valid YAML: read as a page of questions")
        return parsed
    return _parse_page(text, path=path, line_map=line_map)


def _parse_page(text: str, *, path: str, line_map: list[int] | None) -> Parsed:
    page = _Page(text.split("\n"), path=path, line_map=line_map)
    page.walk()
    if not page.parsed.drafts and not page.explicit:
        level = page.fallback_level()
        if level:
            fallback = _Page(text.split("\n"), path=path, line_map=line_map, forced=level)
            fallback.walk()
            fallback.parsed.warn(
                path,
                fallback.file_line(0),
                f"no question-shaped lines found: the {len(fallback.parsed.drafts)} level-{level}"
                " headings were taken as questions",
            )
            return fallback.parsed
    return page.parsed


class _Page:
    def __init__(
        self, lines: list[str], *, path: str, line_map: list[int] | None, forced: int = 0
    ) -> None:
        self.lines = lines
        self.path = path
        self.line_map = line_map
        self.forced = forced  # heading level taken as questions when nothing else is
        self.parsed = Parsed()
        self.cur: _Open | None = None
        self.section = 0  # level of the last heading that was not a question
        self.explicit = False  # saw a Q: label or a <details> question
        self.masks = shapes.masks(lines, start=bodies.front_matter_end(lines))
        for i in self.masks.unclosed:
            self.parsed.warn(path, self.file_line(i), "block opened here is never closed")

    def file_line(self, i: int) -> int:
        if self.line_map:
            return self.line_map[min(i, len(self.line_map) - 1)] if i >= 0 else 1
        return i + 1

    # --- the walk -------------------------------------------------------------------
    def walk(self) -> None:
        i, n = 0, len(self.lines)
        while i < n:
            if self.masks.hidden[i]:
                if self.cur:
                    self.cur.body.append(self.lines[i])
                i += 1
            else:
                i = self._line(i)
        self._close()

    def _line(self, i: int) -> int:
        line = self.lines[i]
        if heading := shapes.HEADING.match(line):
            return self._heading(i, len(heading.group(1)), heading.group(2) or "")
        if shapes.DETAILS.match(line):
            return self._details(i)
        if (task := shapes.TASK.match(line)) and self.cur:
            self.cur.options.append((task.group(1) != " ", task.group(2).strip()))
            return i + 1
        if link := shapes.LINK_ITEM.match(line):
            if link.group(1).startswith("#") and (self.cur is None or self.cur.marker != "heading"):
                return self._toc(i)
            if self.cur is None:
                return i + 1  # a list of links outside any question ("Further reading")
        if label := shapes.Q_PREFIX.match(line):
            self.explicit = True
            return self._open("qprefix", i, label.group(1))
        opened = self._list_question(i, line)
        if opened is not None:
            return opened
        if self.cur:
            self._body(line)
        return i + 1

    def _list_question(self, i: int, line: str) -> int | None:
        can_open = self.cur is None or self.cur.marker in LIST_MARKERS
        split = shapes.BOLD_QUESTION_THEN_ANSWER.match(line)
        if split and can_open and shapes.question_like(split.group(2)):
            nxt = self._open("bold", i, split.group(2))
            assert self.cur is not None
            self.cur.body.append(split.group(3))
            return nxt
        for marker, pattern in (("bold", shapes.BOLD_LINE), ("item", shapes.NUMBERED)):
            found = pattern.match(line)
            if found and can_open:
                title = found.group(2)
                if shapes.question_like(title) or self._continues_question(i, title):
                    return self._open(marker, i, title)
        bullet = shapes.BULLET.match(line)
        after_blank = i > 0 and not self.lines[i - 1].strip()
        if bullet and (
            self.cur is None
            or self.cur.marker == "bullet"
            or (self.cur.marker in LIST_MARKERS and after_blank)
        ):
            title = bullet.group(1)
            if shapes.question_like(title) or self._continues_question(i, title):
                return self._open("bullet", i, title)
        return None

    def _heading(self, i: int, level: int, text: str) -> int:
        if shapes.is_toc_title(text):
            self._close()
            self.section = level
            return self._toc(i + 1, heading=i)
        label_only = shapes.Q_PREFIX.match(text) is not None and not clean_title(text)
        if label_only or shapes.question_like(text) or level == self.forced:
            self.explicit = self.explicit or label_only
            self._close()
            self.cur = _Open("heading", level, text, i)
            return i + 1
        inside = self.cur is not None and (
            level > self.cur.level
            if self.cur.marker == "heading"
            else bool(self.section) and level > self.section
        )
        if inside:
            self._body(self.lines[i])
        else:
            self._close()
            self.section = level
        return i + 1

    def _open(self, marker: str, i: int, title: str) -> int:
        self._close()
        nxt = i + 1
        if "?" not in title and nxt < len(self.lines) and self._title_tail(nxt):
            title = f"{title} {self.lines[nxt].strip()}"
            nxt += 1
        if marker == "qprefix" and (inline := shapes.INLINE_ANSWER.search(title)):
            answer = title[inline.end() :]
            title = title[: inline.start()]
            self.cur = _Open(marker, self.section, title, i, [answer])
            return nxt
        self.cur = _Open(marker, self.section, title, i)
        return nxt

    def _title_tail(self, k: int) -> bool:
        """A question wrapped onto a second line: 'What is the difference between\\n X?'."""
        line = self.lines[k]
        if self.masks.hidden[k] or not line.strip() or not line.rstrip().endswith("?"):
            return False
        structural = (shapes.HEADING, shapes.NUMBERED, shapes.BULLET, shapes.Q_PREFIX)
        return not any(p.match(line) for p in structural)

    def _continues_question(self, i: int, title: str) -> bool:
        return "?" not in title and i + 1 < len(self.lines) and self._title_tail(i + 1)

    def _details(self, i: int) -> int:
        end, summary, inner = bodies.details_block(self.lines, i, self.masks.hidden)
        if end < 0:
            self.parsed.warn(self.path, self.file_line(i), "<details> is never closed")
            end = len(self.lines) - 1
        question = summary is not None and (
            shapes.question_like(summary)
            or (len(plain_inline(summary).split()) >= 4 and not shapes.is_generic_summary(summary))
        )
        if question:
            assert summary is not None
            self.explicit = True
            self._close()
            self.cur = _Open("details", self.section, summary, i, inner)
            self._close()
        elif self.cur:
            self.cur.body += ["", *inner, ""]
        return end + 1

    def _toc(self, i: int, *, heading: int | None = None) -> int:
        """Skip a list of links (a table of contents); it ends at other text or a heading."""
        self._close()
        start, k = i, i
        while k < len(self.lines):
            line = self.lines[k]
            if shapes.HEADING.match(line) or shapes.DETAILS.match(line):
                break
            if line.strip() and not (shapes.LINK_ITEM.match(line) or line[:1] in " \t"):
                break
            k += 1
        links = sum(1 for line in self.lines[start:k] if shapes.LINK_ITEM.match(line))
        if links >= 2 or heading is not None:
            first = heading if heading is not None else start
            self.parsed.warn(
                self.path,
                self.file_line(first),
                f"table of contents skipped ({links} links, not questions)",
            )
        return max(k, i + 1) if heading is None else k

    def _body(self, line: str) -> None:
        assert self.cur is not None
        if not any(x.strip() for x in self.cur.body):
            answer = shapes.A_PREFIX.match(line)
            if answer:
                line = answer.group(1)
        self.cur.body.append(line)

    # --- turning an open question into a draft ------------------------------------
    def _close(self) -> None:
        cur, self.cur = self.cur, None
        if cur is None:
            return
        body = bodies.clean_body(cur.body)
        title = sanitize_title(cur.title)
        if not clean_title(title):  # "## Question 3" with the question in the next paragraph
            title, body = bodies.first_paragraph(body)
        title = clean_title(title)
        line = self.file_line(cur.line)
        if not title:
            self.parsed.warn(self.path, line, "question with no text skipped")
            return
        answer = sanitize_markdown("\n".join(body))
        kind, slug = Kind.CONCEPT, ""
        key_points: tuple[KeyPoint, ...] = ()
        if cur.options:
            slug = slugify(title)
            title, answer, key_points = bodies.choices(title, answer, cur.options)
            kind = Kind.FACT
            if not key_points:
                self.parsed.warn(
                    self.path, line, f"multiple choice with no option marked [x]: {title!r}"
                )
        question = Question(
            id=slug, title=title, kind=kind, topics=(), answer=answer, key_points=key_points
        )
        self.parsed.drafts.append(finish(question, path=self.path, line=line))

    def fallback_level(self) -> int:
        """The heading level with the most headings that have text under them (2 or more)."""
        counts: Counter[int] = Counter()
        headings = [
            (i, len(m.group(1)))
            for i, line in enumerate(self.lines)
            if not self.masks.hidden[i] and (m := shapes.HEADING.match(line))
        ]
        for n, (i, level) in enumerate(headings):
            end = headings[n + 1][0] if n + 1 < len(headings) else len(self.lines)
            if any(line.strip() for line in self.lines[i + 1 : end]):
                counts[level] += 1
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
        return best[0] if best[1] >= 2 else 0

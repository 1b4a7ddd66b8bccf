"""An alternation of patterns scanned branch by branch, with the results of one pattern.

`regex` finds where a single pattern can start quickly (a literal, a character set), but an
alternation of many patterns defeats that, and then every position of the text is tried with
every branch: four times slower on the placeholder patterns. `Alternation` searches each branch
on its own and merges the matches exactly as `finditer` of `(?P<p0>A0)|(?P<p1>A1)|...` would
yield them: the leftmost start wins, the first branch on a tie, and the scan goes on from the
end of the match (a branch's next match is searched again only if the chosen one overlaps it).
"""

from __future__ import annotations

import regex


class Alternation:
    """`finditer` of the branches joined by `|`, as (branch index, match) pairs."""

    __slots__ = ("combined", "parts", "size")

    def __init__(self, branches: list[str], flags: int = 0) -> None:
        self.size = len(branches)
        self.combined = regex.compile("|".join(f"(?P<p{i}>{b})" for i, b in enumerate(branches)), flags)
        self.parts: tuple[regex.Pattern[str], ...] | None = None
        try:
            parts = tuple(regex.compile(b, flags) for b in branches)
        except regex.error:
            return  # a branch that is a pattern only inside the others ("a)|(b"): keep them joined
        # A global inline flag in one branch applies to all of them in the joined pattern: then
        # the branches alone would differ, so the joined pattern is used.
        if all(p.flags == self.combined.flags for p in parts):
            self.parts = parts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, regex.Match[str]]]:
        end = len(text) if endpos is None else endpos
        if self.parts is None:
            return self._joined(text, pos, end)
        found: list[tuple[int, regex.Match[str]]] = []
        nxt = [p.search(text, pos, end) for p in self.parts]
        while True:
            best = -1
            for i, m in enumerate(nxt):
                if m is not None and (best < 0 or m.start() < nxt[best].start()):  # type: ignore[union-attr]
                    best = i
            if best < 0:
                return found
            m = nxt[best]
            assert m is not None
            if m.end() == m.start():
                return self._joined(text, pos, end)  # empty matches: leave their stepping to regex
            found.append((best, m))
            at = m.end()
            for i, other in enumerate(nxt):
                if other is not None and other.start() < at:
                    nxt[i] = self.parts[i].search(text, at, end)

    def _joined(self, text: str, pos: int, end: int) -> list[tuple[int, regex.Match[str]]]:
        return [
            (next(i for i in range(self.size) if m.group(f"p{i}") is not None), m)
            for m in self.combined.finditer(text, pos, end)
        ]

"""Near-identical replies across a corpus: “this reply went to 340 customers, only the name changed”.

One pass over the replies, memory proportional to the number of *different* replies:

1. Each reply is reduced to lower-case words, with runs of numbers and of capitalised words
   inside a sentence (names, mostly) replaced by a marker, so copies that differ only in those fall into
   one exact group via a 64-bit digest.
2. Each new group gets a one-permutation MinHash signature (32 bins, with densification) of its
   word pairs; LSH banding (8 bands × 4 rows) proposes earlier groups that are probably similar.
   It joins one when their estimated Jaccard similarity reaches `threshold` and it still
   resembles that cluster's founder at `threshold` − 0.3, so chains of slightly different
   replies cannot drift into one giant cluster (union-find over groups).
3. For each cluster, a sample of members is aligned word by word with the representative
   (difflib) to report what varies.

Each reply is first reduced to the agent's own words by the text pipeline `check` uses (HTML,
quoted history, signature, footer). Standard library otherwise; deterministic (crc32 and integer
hashing, no salted str hashes).
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from hashlib import blake2b
from operator import eq

import regex

from replykit.errors import ConfigError, InputError
from replykit.text.plain import to_plain
from replykit.text.quotes import segment

_BINS = 32
_ROWS = 4
_BANDS = _BINS // _ROWS
_MASK64 = (1 << 64) - 1
_EMPTY = 0xFFFFFFFF  # larger than any (28-bit) bin value
_NONE = 0xFFFFFFFF  # reply index that belongs to no group (too short)
_MAX_VARIATIONS = 10
_DRIFT = 0.3  # how much less than `threshold` a member may resemble its cluster's founder

_NUMBERS = regex.compile(r"\d(?:\w|[.,:/\-](?=\d))*(?:[ \t]+\d(?:\w|[.,:/\-](?=\d))*)*")
# A capitalised word that does not start a sentence or a line, with the capitalised words after it.
_NAMES = regex.compile(r"(?<![.!?…\n][ \t\r\n«\"(]{0,5})(?<!^[ \t\r\n«\"(]{0,5})\p{Lu}[\w'’\-]*(?:[ \t]+\p{Lu}[\w'’\-]*)*")
_WORDS = regex.compile(r"\w+(?:['’\-]\w+)*|[\x01\x02]")
_PIECE = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]+")
_NUMBER = re.compile(r"[\d\s.,:/\-+()№#]*\d[\d\s.,:/\-+()№#]*")


@dataclass(frozen=True, slots=True)
class Variation:
    """A place in the representative where members differ."""

    start: int  # span in the representative (start == end: members insert text here)
    end: int
    text: str  # the representative's own text there
    values: tuple[str, ...]  # the commonest other values seen in the sample
    count: int  # sampled members that differ here
    kind: str  # "name", "number" or "text"


@dataclass(frozen=True, slots=True)
class TemplateCluster:
    """Replies that are copies of one text with small changes."""

    size: int  # how many replies
    representative: str  # the commonest wording
    members: tuple[int, ...]  # indices into the input, ascending
    varies: tuple[Variation, ...]  # what changes between copies, in text order
    sampled: int  # members compared with the representative to find `varies`

    @property
    def pattern(self) -> str:
        """The representative with each varying part shown as {name}, {number} or {text}."""
        out, pos = [], 0
        for v in self.varies:
            out.append(self.representative[pos : v.start])
            out.append("{" + v.kind + "}")
            pos = v.end
        out.append(self.representative[pos:])
        return "".join(out)


def find_templates(
    replies: Iterable[str],
    *,
    threshold: float = 0.7,
    min_size: int = 2,
    min_words: int = 5,
    sample: int = 10,
    own_text: bool = True,
) -> list[TemplateCluster]:
    """Cluster near-identical replies; largest clusters first.

    `threshold`: estimated Jaccard similarity of word pairs (after names and numbers are
    masked) above which two replies are copies; `min_size`: smallest cluster reported;
    `min_words`: shorter replies ("Спасибо!") are skipped; `sample`: members aligned with the
    representative to find what varies. `own_text` (default): compare the agent's own words —
    HTML read as text, quoted history, a signature after "-- " and a trailing footer (legal
    disclaimer, "Sent from my iPhone", requisites) left out — so replies that only quote the
    same thread or carry the same signature or disclaimer are not copies of each other, and a
    canned answer is found whatever history is quoted under it; False compares whole strings.
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], got {threshold!r}")
    if min_size < 2 or min_words < 1 or sample < 1:
        raise ConfigError("min_size must be ≥ 2, min_words and sample ≥ 1")
    if isinstance(replies, str | bytes) or not isinstance(replies, Iterable):
        raise InputError("find_templates() takes an iterable of reply strings (a list, a generator...)")
    index = _Index(threshold, sample)
    for i, text in enumerate(replies):
        if not isinstance(text, str):
            raise InputError(f"reply {i} is a {type(text).__name__}, not a str")
        index.add(_own_text(text) if own_text else text, min_words)
    return index.clusters(min_size)


def _own_text(text: str) -> str:
    """The agent's own words of a reply, read by the same pipeline as `check`."""
    plain = to_plain(text)
    segments = segment(plain.text, plain.quote_ranges)
    if all(s.kind == "own" for s in segments):
        return plain.text
    return "\n".join(plain.text[s.start : s.end].strip("\n") for s in segments if s.kind == "own")


class _Table:
    """A dict from non-zero 64-bit keys to 32-bit values in two arrays (open addressing).

    A Python dict spends about 100 bytes on an int → int entry; this spends 24 at most, which
    is what lets the LSH buckets of a million distinct replies fit in memory.
    """

    __slots__ = ("keys", "mask", "used", "values")

    def __init__(self, capacity: int = 1 << 16) -> None:
        self._allocate(capacity)

    def _allocate(self, capacity: int) -> None:  # capacity: a power of two
        self.keys = array("Q", bytes(8 * capacity))
        self.values = array("I", bytes(4 * capacity))
        self.mask = capacity - 1
        self.used = 0

    def setdefault(self, key: int, value: int) -> int:
        """The value stored for `key`, storing `value` first if there is none."""
        keys, mask = self.keys, self.mask
        i = key & mask
        while True:
            found = keys[i]
            if found == key:
                return self.values[i]
            if not found:
                break
            i = (i + 1) & mask
        keys[i] = key
        self.values[i] = value
        self.used += 1
        if self.used * 2 > mask:
            self._grow()
        return value

    def _grow(self) -> None:
        old_keys, old_values = self.keys, self.values
        self._allocate(2 * (self.mask + 1))
        for key, value in zip(old_keys, old_values):
            if key:
                self.setdefault(key, value)


class _Index:
    """The streaming state: exact groups, their signatures, LSH buckets and a union-find."""

    def __init__(self, threshold: float, sample: int) -> None:
        self.need = int(threshold * _BINS + 0.999999)  # equal bins needed
        self.loose = int((threshold - _DRIFT) * _BINS + 0.999999)  # ...to the cluster's founder
        self.keep = sample + 1
        self.group_of = array("I")  # reply index -> group id
        self.digests = _Table()  # normalised-text digest -> group id
        self.first_text: list[str] = []
        self.more_texts: dict[int, list[str]] = {}
        self.count = array("I")
        self.parent = array("I")
        self.sigs = array("I")
        self.buckets = _Table()  # LSH band key -> first group seen with it
        self.word_hash: dict[str, tuple[int, bytes]] = {}

    def add(self, text: str, min_words: int) -> None:
        words = _normal_words(text)
        if len(words) < min_words:
            self.group_of.append(_NONE)
            return
        raw = blake2b("\x1f".join(words).encode("utf-8", "surrogatepass"), digest_size=8).digest()
        new = len(self.first_text)
        gid = self.digests.setdefault(int.from_bytes(raw, "little") | 1, new)
        self.group_of.append(gid)
        if gid != new:  # a copy of a reply seen before, up to names and numbers
            self.count[gid] += 1
            more = self.more_texts.setdefault(gid, [])
            if len(more) < self.keep:
                more.append(text)
            return
        self.first_text.append(text)
        self.count.append(1)
        self.parent.append(gid)
        sig = self._signature(words)
        self.sigs.extend(sig)
        buckets = self.buckets
        for band in range(_BANDS):
            key = (hash((band, *sig[band * _ROWS : (band + 1) * _ROWS])) & _MASK64) | 1
            other = buckets.setdefault(key, gid)
            if other != gid and self._close(other, gid, self.need):
                root = self._find(other)
                if root == other or self._close(root, gid, self.loose):
                    self._union(other, gid)

    def _signature(self, words: list[str]) -> list[int]:
        cache = self.word_hash
        crcs, encoded = [], []
        for w in words:
            found = cache.get(w)
            if found is None:
                data = w.encode("utf-8", "surrogatepass") + b" "
                found = cache[w] = (zlib.crc32(data), data)
            crcs.append(found[0])
            encoded.append(found[1])
        if len(words) < 2:
            crcs.append(0)
            encoded.append(b"")
        sig = [_EMPTY] * _BINS
        crc32 = zlib.crc32
        for prev, data in zip(crcs, encoded[1:]):  # word pairs: crc32 of "w1 w2 "
            x = (crc32(data, prev) * 0x9E3779B97F4A7C15) & _MASK64
            b = x >> 59  # top 5 bits: the bin
            v = (x >> 27) & 0xFFFFFFF
            if v < sig[b]:  # noqa: PLR1730 (a call to min() is slower in this loop)
                sig[b] = v
        if _EMPTY in sig:  # densify: an empty bin borrows from the next filled one, shifted
            filled = sig[:]
            for b in range(_BINS):
                if filled[b] == _EMPTY:
                    step = next(s for s in range(1, _BINS) if filled[(b + s) % _BINS] != _EMPTY)
                    sig[b] = (filled[(b + step) % _BINS] + step * 0x9E3779B1) % _EMPTY
        return sig

    def _close(self, a: int, b: int, need: int) -> bool:
        sigs = self.sigs
        sa, sb = a * _BINS, b * _BINS
        return bool(sum(map(eq, sigs[sa : sa + _BINS], sigs[sb : sb + _BINS])) >= need)

    def _find(self, g: int) -> int:
        parent = self.parent
        root = g
        while parent[root] != root:
            root = parent[root]
        while parent[g] != root:
            parent[g], g = root, parent[g]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self, min_size: int) -> list[TemplateCluster]:
        roots = array("I", (self._find(g) for g in range(len(self.parent))))
        size: Counter[int] = Counter()
        for g, root in enumerate(roots):
            size[root] += self.count[g]
        big = {root for root, n in size.items() if n >= min_size}
        if not big:
            return []
        members: dict[int, array[int]] = {root: array("I") for root in big}
        for i, g in enumerate(self.group_of):
            if g != _NONE:
                found = members.get(roots[g])
                if found is not None:
                    found.append(i)
        groups: dict[int, list[int]] = {root: [] for root in big}
        for g, root in enumerate(roots):
            if root in groups:
                groups[root].append(g)
        out = [self._cluster(size[root], members[root], groups[root]) for root in big]
        out.sort(key=lambda c: (-c.size, c.members[0]))
        return out

    def _cluster(self, size: int, members: array[int], groups: list[int]) -> TemplateCluster:
        groups.sort(key=lambda g: (-self.count[g], g))
        rep = self.first_text[groups[0]]
        others: list[str] = [self.first_text[g] for g in groups[1 : self.keep]]
        for g in groups:
            if len(others) >= self.keep - 1:
                break
            others.extend(self.more_texts.get(g, ())[: self.keep - 1 - len(others)])
        others = [t for t in others if t is not rep][: self.keep - 1]
        return TemplateCluster(size, rep, tuple(members), _variations(rep, others), len(others))


def _normal_words(text: str) -> list[str]:
    """Lower-case words; a run of numbers becomes "0", of capitalised words inside a sentence "N"."""
    text = _NUMBERS.sub(" \x02 ", text)
    text = _NAMES.sub(" \x01 ", text)
    return _WORDS.findall(text.lower())


def _variations(rep: str, others: list[str]) -> tuple[Variation, ...]:
    spans_of = [(m.start(), m.end()) for m in _PIECE.finditer(rep)]
    pieces = [rep[a:b] for a, b in spans_of]
    spans: dict[tuple[int, int], Counter[str]] = {}
    for other in others:
        theirs = [(m.start(), m.end()) for m in _PIECE.finditer(other)]
        matcher = SequenceMatcher(None, pieces, [other[a:b] for a, b in theirs], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                value = other[theirs[j1][0] : theirs[j2 - 1][1]] if j2 > j1 else ""
                spans.setdefault((i1, i2), Counter())[value] += 1
    merged: list[tuple[int, int, Counter[str]]] = []
    for (i1, i2), values in sorted(spans.items()):
        if merged and i1 < merged[-1][1]:
            a, b, prev = merged[-1]
            merged[-1] = (a, max(b, i2), prev + values)
        else:
            merged.append((i1, i2, values))
    found = []
    for i1, i2, values in merged:
        if i2 > i1:
            start, end = spans_of[i1][0], spans_of[i2 - 1][1]
        else:  # an insertion: after the previous piece
            start = end = spans_of[i1 - 1][1] if i1 else 0
        top = tuple(v for v, _ in values.most_common(5))
        own = rep[start:end]
        found.append(Variation(start, end, own, top, sum(values.values()), _kind((own, *top))))
    found.sort(key=lambda v: -v.count)
    return tuple(sorted(found[:_MAX_VARIATIONS], key=lambda v: v.start))


def _kind(values: tuple[str, ...]) -> str:
    shown = [v for v in values if v]
    if shown and all(_NUMBER.fullmatch(v) for v in shown):
        return "number"
    if shown and all(len(v.split()) <= 3 and all(w[:1].isupper() for w in v.split()) for v in shown):
        return "name"
    return "text"

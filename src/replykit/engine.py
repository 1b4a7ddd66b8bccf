"""Rules, their catalogue, selection, suppression comments, and turning hits into findings.

A rule family is a package `replykit.<family>` with a `rules.py` that defines `RULES`, a tuple
of `Rule` objects, and a `data/rules.toml` with each rule's documentation and examples. The
examples are run as tests: every `bad` must fire the rule and every `good` must not.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from replykit._data import read_data
from replykit._shared import ConversationMemo
from replykit.errors import UnknownRuleError
from replykit.models import (
    Channel,
    Customer,
    Finding,
    Fix,
    Message,
    Role,
    Severity,
)

if TYPE_CHECKING:
    from replykit.config import Config
    from replykit.document import Document

FAMILIES: tuple[str, ...] = ("integrity", "greetings", "formality", "names", "bundling", "conversation", "cliches", "tone")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Edit:
    """A replacement in plain-text coordinates; becomes a `Fix` in original coordinates."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports, in plain-text coordinates."""

    start: int
    end: int
    message: str
    edits: tuple[Edit, ...] = ()
    severity: Severity | None = None  # overrides the rule's default for this hit


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    text: str
    fires: bool
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    name: str
    family: str
    severity: Severity
    languages: frozenset[str] | None  # None: every language
    summary: str
    why: str
    fix: str
    modes: frozenset[str]  # "sent", "template"
    default: bool
    examples: tuple[Example, ...]
    supersedes: frozenset[str] = frozenset()  # codes whose overlapping findings this rule's replace


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    check: Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    info: RuleInfo
    check: Callable[[Context], Iterable[Hit]]


class Context:
    """What a rule may read: the document, the conversation around it, customer and config."""

    __slots__ = ("doc", "config", "customer", "message", "history", "locale", "shared", "_memo")

    def __init__(
        self,
        doc: Document,
        config: Config,
        *,
        message: Message,
        history: tuple[Message, ...] = (),
        customer: Customer | None = None,
        locale: str | None = None,
        shared: ConversationMemo | None = None,
    ) -> None:
        assert shared is None or shared.messages[len(history)] is message, "the memo of another conversation"
        self.doc = doc
        self.config = config
        self.message = message
        self.history = history
        self.customer = customer
        self.locale = locale
        # the memo of the whole conversation, shared with the checks of its other replies
        self.shared = shared if shared is not None else ConversationMemo((*history, message))
        self._memo: dict[str, Any] = {}

    @property
    def language(self) -> str:
        return self.doc.language

    @property
    def channel(self) -> Channel:
        return self.message.channel

    @property
    def sent_at(self) -> datetime | None:
        return self.message.sent_at

    @property
    def template(self) -> bool:
        return self.doc.template

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """Compute a value shared by several rules once per checked reply."""
        memo = self._memo
        if key in memo:  # a test, not a caught KeyError: a third of the values are computed
            return memo[key]  # type: ignore[no-any-return]
        value = memo[key] = factory()
        return value

    def fold(self, key: Hashable, initial: T, step: Callable[[T, Message], T]) -> T:
        """`step` over the history, oldest first; shared by the conversation's replies (see
        ConversationMemo.fold), so `key` must name what `step` depends on besides the message."""
        return self.shared.fold(key, initial, step, len(self.history))

    def recent(self, role: Role, n: int) -> list[Message]:
        """The last `n` messages of `role` in the history."""
        return self.shared.recent(role, n, len(self.history))

    def answered(self) -> list[Message]:
        """The customer messages this reply answers: those since the agent's last message."""

        def compute() -> list[Message]:
            waiting: list[Message] = []
            for message in reversed(self.history):
                if message.role == "agent":
                    break
                waiting.append(message)
            return waiting[::-1]

        return self.memo("engine.answered", compute)


# --- catalogue ---------------------------------------------------------------------------


@cache
def registry() -> dict[str, RegisteredRule]:
    """Every rule by code, in code order."""
    rules: dict[str, RegisteredRule] = {}
    for family in FAMILIES:
        infos = _family_infos(family)
        module = import_module(f"replykit.{family}.rules")
        for rule in module.RULES:
            if rule.code not in infos:
                raise RuntimeError(f"{rule.code} has no entry in replykit/{family}/data/rules.toml")
            rules[rule.code] = RegisteredRule(infos[rule.code], rule.check)
    return dict(sorted(rules.items()))


def _family_infos(family: str) -> dict[str, RuleInfo]:
    raw = read_data(f"replykit.{family}", "rules")
    infos = {}
    for code, spec in raw.items():
        examples = []
        for ex in spec.get("examples", ()):
            context = {k: v for k, v in ex.items() if k not in ("lang", "bad", "good")}
            for key, fires in (("bad", True), ("good", False)):
                texts = ex.get(key, ())
                for text in [texts] if isinstance(texts, str) else texts:
                    examples.append(Example(ex["lang"], text, fires, context))
        langs = spec.get("languages")
        infos[code] = RuleInfo(
            code=code,
            name=spec["name"],
            family=family,
            severity=Severity(spec.get("severity", "warning")),
            languages=frozenset(langs) if langs else None,
            summary=spec["summary"],
            why=spec["why"].strip(),
            fix=spec.get("fix", "").strip(),
            modes=frozenset(spec.get("modes", ("sent", "template"))),
            default=spec.get("default", True),
            examples=tuple(examples),
            supersedes=frozenset(spec.get("supersedes", ())),
        )
    return infos


def _matches(code: str, selector: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def validate_codes(config: Config) -> None:
    codes = registry().keys()
    for key in (*config.select, *config.ignore, *config.severity):
        if key != "ALL" and not any(_matches(code, key) for code in codes):
            raise UnknownRuleError(f"unknown rule code or prefix {key!r} (see `replykit rules`)")


def selected_rules(config: Config) -> tuple[RegisteredRule, ...]:
    return _selected(config.select, config.ignore)


@cache
def _selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[RegisteredRule, ...]:
    chosen = []
    for code, rule in registry().items():
        if select:
            if not any(_matches(code, s) for s in select):
                continue
        elif not rule.info.default:
            continue
        if any(_matches(code, s) for s in ignore):
            continue
        chosen.append(rule)
    return tuple(chosen)


def _severity_for(code: str, default: Severity, overrides: dict[str, Severity]) -> Severity:
    best, best_len = default, -1
    for key, value in overrides.items():
        if _matches(code, key) and len(key) > best_len:
            best, best_len = value, len(key)
    return best


# --- running -----------------------------------------------------------------------------

_CODE_SEPARATORS = regex.compile(r"[\s,]+")
_SUPPRESS = regex.compile(r"replykit:\s*(?P<scope>ignore-file|ignore)\b[ \t]*(?P<codes>(?:[A-Za-z]+\d*[ \t,]*)*)")


@dataclass(frozen=True, slots=True)
class _Suppressions:
    file_codes: frozenset[str]
    lines: dict[int, frozenset[str]]  # 0-based line -> codes ("" = all)

    def hides(self, code: str, line: int) -> bool:
        if any(code.startswith(c) or c == "" for c in self.file_codes):
            return True
        codes = self.lines.get(line)
        return codes is not None and any(c == "" or code.startswith(c) for c in codes)


def _suppressions(text: str, line_starts: list[int]) -> _Suppressions | None:
    """The text's suppression comments; None when it has none (most texts: then nothing is asked)."""
    if "replykit:" not in text:
        return None
    file_codes: set[str] = set()
    lines: dict[int, frozenset[str]] = {}
    for match in _SUPPRESS.finditer(text):
        codes = frozenset(c.upper() for c in _CODE_SEPARATORS.split(match.group("codes")) if c) or frozenset({""})
        if match.group("scope") == "ignore-file":
            file_codes |= codes
            continue
        line = bisect.bisect_right(line_starts, match.start()) - 1
        lines[line] = lines.get(line, frozenset()) | codes
        # A comment alone on its line covers the next line too.
        line_start = line_starts[line]
        if not text[line_start : match.start()].strip(" \t{#<!-%"):
            lines[line + 1] = lines.get(line + 1, frozenset()) | codes
    return _Suppressions(frozenset(file_codes), lines)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def applicable(doc: Document, rules: Sequence[RegisteredRule]) -> list[RegisteredRule]:
    """The rules that apply to the document's language and mode (sent reply or template)."""
    language = doc.language
    mode = "template" if doc.template else "sent"
    if isinstance(rules, tuple):  # a selection (cached, so the same object every time): remember
        key = (id(rules), language, mode)
        known = _APPLICABLE.get(key)
        if known is not None and known[0] is rules:
            return list(known[1])
    chosen = [
        rule
        for rule in rules
        if (rule.info.languages is None or language in rule.info.languages) and mode in rule.info.modes
    ]
    if isinstance(rules, tuple):
        if len(_APPLICABLE) >= 1024:
            _APPLICABLE.clear()
        _APPLICABLE[key] = (rules, tuple(chosen))
    return chosen


# (id of a rule selection, language, mode) -> (that selection, its applicable rules). The selection
# is kept so its id cannot be reused by another tuple while the entry lives.
_APPLICABLE: dict[tuple[int, str, str], tuple[tuple[RegisteredRule, ...], tuple[RegisteredRule, ...]]] = {}


def run(ctx: Context, rules: Sequence[RegisteredRule]) -> list[Finding]:
    """Run the applicable `rules` on the context and return sorted findings in original coordinates."""
    doc = ctx.doc
    hits = [(rule.info, hit) for rule in applicable(doc, rules) for hit in rule.check(ctx)]
    if not hits:
        return []
    original = doc.original
    line_starts = _line_starts(original)
    suppress = _suppressions(original, line_starts)
    overrides = ctx.config.severity
    to_original = doc.to_original
    findings = []
    for info, hit in hits:
        start, end = to_original(hit.start, hit.end)
        line = bisect.bisect_right(line_starts, start) - 1
        if suppress is not None and suppress.hides(info.code, line):
            continue
        severity = hit.severity or info.severity
        if overrides:
            severity = _severity_for(info.code, severity, overrides)
        fixes = (
            tuple(
                Fix._trusted(start=s, end=e, replacement=edit.replacement, safe=edit.safe)
                for edit in hit.edits
                for s, e in [_edit_span(doc, edit)]
            )
            if hit.edits
            else ()
        )
        findings.append(
            Finding._trusted(
                code=info.code,
                rule=info.name,
                severity=severity,
                message=hit.message,
                start=start,
                end=end,
                excerpt=original[start:end],
                fixes=fixes,
                line=line + 1,
                column=start - line_starts[line] + 1,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return _without_superseded(findings)


def _without_superseded(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that a more specific rule reports on an overlapping span.

    "Уважаемый клиент" is a generic salutation (RK504), but when the customer's name is known
    RK308 says so and offers the name: one finding, not two. Only findings that survived
    selection and suppression replace others, so ignoring RK308 brings RK504 back.
    """
    rules = registry()
    over = [(f.start, f.end, codes) for f in findings if (codes := rules[f.code].info.supersedes)]
    if not over:
        return findings
    return [f for f in findings if not any(f.code in codes and start < f.end and f.start < end for start, end, codes in over)]


def _edit_span(doc: Document, edit: Edit) -> tuple[int, int]:
    if edit.start == edit.end:  # an insertion: map the position, not a character
        if edit.start >= len(doc.text):
            return (len(doc.original), len(doc.original))
        pos = doc.to_original(edit.start, edit.start + 1)[0]
        return (pos, pos)
    return doc.to_original(edit.start, edit.end)


def iter_examples() -> Iterator[tuple[RuleInfo, Example]]:
    for rule in registry().values():
        for example in rule.info.examples:
            yield rule.info, example


def rule_info(code: str) -> RuleInfo:
    try:
        return registry()[code.strip().upper()].info
    except KeyError:
        raise UnknownRuleError(f"unknown rule code {code!r} (see `replykit rules`)") from None

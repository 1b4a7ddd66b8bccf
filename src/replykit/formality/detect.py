"""Informal and formal address in a text: one analysis per reply, shared by every RK2xx rule.

The same analysis runs on the customer's own messages to tell whether they invited "ты".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

from replykit._lookup import Phrases
from replykit.document import Document, _cached
from replykit.formality.lexicon import AddressLexicon, Ending
from replykit.morph import best_grammemes, inflect, match_case, parse
from replykit.text.tokens import NUMBER, PUNCT, WORD, Token

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

_AGREEMENT = frozenset({
    "nomn", "gent", "datv", "accs", "ablt", "loct", "voct",
    "sing", "plur", "masc", "femn", "neut", "anim", "inan",
})  # fmt: skip
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_PLURAL = frozenset({"plur"})
_CLAUSE_BREAK = frozenset(",;:()—–\"«»„“”")
_AMBIGUOUS = 0.2  # share of other readings that makes a 2sg form ambiguous
_AGREE_WINDOW = 4
_MODIFIERS = frozenset({"ADVB", "PRCL"})
_TEXT, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)  # of a Token
_PARTICLES = frozenset({"бы", "б", "ли", "же", "ж", "ль"})  # words after «ты» whose past tense / short form must agree with «вы»


@dataclass(frozen=True, slots=True)
class Form:
    """An informal form; `fix` replaces text[fix_start:fix_end] (None: no automatic fix)."""

    start: int
    end: int
    kind: str  # pronoun, possessive, verb, imperative, word
    fix_start: int
    fix_end: int
    fix: str | None
    opens: bool = False  # the form opens its sentence (house style keeps its capital)


@dataclass(frozen=True, slots=True)
class Analysis:
    informal: tuple[Form, ...]
    formal: tuple[tuple[int, int, bool], ...]  # span of a formal word, and whether it starts a sentence
    over_familiar: tuple[tuple[int, int], ...]
    lowercase_formal: tuple[tuple[int, int], ...]  # German "sie"/"ihnen" meant as formal "Sie"
    group: bool  # the text addresses several people


class _Text:
    """Tokens of the analysed text with the look-ups every detector needs, each made when first needed."""

    def __init__(self, doc: Document, lex: AddressLexicon) -> None:
        self.text = doc.text
        self.tokens = doc.tokens
        self.words = doc.words
        self.lex = lex
        self.low = doc.lowered

    @_cached
    def starts(self) -> list[int]:
        return list(map(_START, self.tokens))

    @_cached
    def ends(self) -> set[int]:
        return set(map(_END, self.tokens))

    @_cached
    def _blocked(self) -> list[tuple[int, int]]:
        pattern = self.lex.not_address_re
        return [] if pattern is None else [m.span() for m in pattern.finditer(self.text, self.low)]

    @_cached
    def _blocked_starts(self) -> list[int]:
        return [s for s, _ in self._blocked]

    def blocked(self, start: int) -> bool:
        k = bisect_right(self._blocked_starts, start) - 1
        return k >= 0 and self._blocked[k][0] <= start < self._blocked[k][1]

    def word_starting(self, offset: int) -> int | None:
        """Index of the own, unquoted word that starts at `offset`, or None."""
        i = bisect_left(self.starts, offset)
        if i < len(self.tokens) and self.starts[i] == offset:
            tok = self.tokens[i]
            if tok.kind == WORD and not tok.quoted:
                return i
        return None

    def matches(self, pattern: Phrases | None) -> list[tuple[int, int, int]]:
        """(start, end, first token) of each match that covers whole own, unquoted tokens."""
        if pattern is None:
            return []
        out = []
        for m in pattern.finditer(self.text, self.low):
            start, end = m.span()
            i = self.word_starting(start)
            if i is not None and end in self.ends and not self.blocked(start):
                out.append((start, end, i))
        return out

    def token_after(self, offset: int) -> int:
        """Index of the first token that starts at or after `offset`."""
        return bisect_left(self.starts, offset)

    def word_at(self, i: int) -> Token | None:
        if 0 <= i < len(self.tokens) and self.tokens[i].kind == WORD:
            return self.tokens[i]
        return None

    def previous(self, i: int) -> Token | None:
        """The token before `i` in the same sentence."""
        if i > 0 and self.tokens[i - 1].sentence == self.tokens[i].sentence:
            return self.tokens[i - 1]
        return None

    def following(self, i: int) -> Token | None:
        if i + 1 < len(self.tokens) and self.tokens[i + 1].sentence == self.tokens[i].sentence:
            return self.tokens[i + 1]
        return None

    def mid_sentence(self, i: int) -> bool:
        """True if a word neither opens its sentence nor follows a colon, dash, bullet or quote."""
        prev = self.previous(i)
        return prev is not None and (prev.kind in (WORD, NUMBER) or prev.text in (",", ";"))

    def clause_start(self, i: int) -> bool:
        prev = self.previous(i)
        return prev is None or prev.kind == PUNCT or prev.lower in self.lex.imperative_after

    def capitalised_mid(self, i: int) -> bool:
        return self.tokens[i].text[0].isupper() and self.mid_sentence(i)


def analyse(doc: Document, lex: AddressLexicon) -> Analysis:
    """Find informal forms (with fixes), formal words, slang, and whether a group is addressed."""
    t = _Text(doc, lex)
    informal = _morph_forms(t) if lex.method == "morph" else _pattern_forms(t)
    formal = tuple((s, e, not t.mid_sentence(i)) for s, e, i in t.matches(lex.formal_re))
    slang = tuple((s, e) for s, e, _ in t.matches(lex.over_familiar_re))
    return Analysis(
        informal=tuple(sorted(informal, key=lambda f: f.start)),
        formal=formal,
        over_familiar=slang,
        lowercase_formal=_lowercase_formal(t),
        group=_addresses_group(t, formal),
    )


# --- Russian and Ukrainian: morphology ---------------------------------------------------


def _morph_forms(t: _Text) -> list[Form]:
    forms: list[Form] = []
    subjects: list[int] = []  # indexes into forms of «ты» in the nominative
    lex = t.lex
    texts = list(map(_TEXT, t.words))
    vocabulary = _vocabulary(lex.language, lex.informal_pronoun, lex.informal_possessive, lex.formal_possessive)
    candidates = vocabulary.forms_among(set(texts))  # most replies have no form of «ты» at all
    for tok in compress(t.words, map(candidates.__contains__, texts)) if candidates else ():
        if tok.quoted or t.blocked(tok.start):
            continue
        found = _morph_form(t, bisect_left(t.starts, tok.start))
        if found is not None:
            if found[1]:
                subjects.append(len(forms))
            forms.append(found[0])
    for k in subjects:
        forms[k] = _with_agreement(t, forms[k], forms)
    return [*forms, *_addressee_past(t)]


def _addressee_past(t: _Text) -> list[Form]:
    """«Спасибо, что написал»: after thanks, a past singular without a subject is the reader's."""
    forms = []
    for _, end, _ in t.matches(t.lex.addressee_past_re):
        k = t.token_after(end)
        tok = t.word_at(k)
        if tok is None or tok.quoted:
            continue
        edit = _plural_edit(t, tok, any_reading=False)
        if edit is not None and "VERB" in best_grammemes(t.lex.language, tok.lower):
            forms.append(Form(tok.start, tok.end, "verb", tok.start, tok.end, edit[2], False))
    return forms


@dataclass(frozen=True, slots=True)
class _Word:
    """What a word is out of context; cached, so each distinct word is looked at once."""

    kind: str  # pronoun, possessive, imperative, verb
    proper: bool  # it can also be a name
    case: str | None  # pronoun: the case of its best reading
    cases: frozenset[str]  # pronoun: every case it can be in
    fix: str | None  # possessive and verb: the formal form
    ambiguous: bool  # verb: as likely something else («пришли» — past plural)


_KNOWN_WORDS = 65_536


class _Vocabulary:
    """`_lexical` answers for one lexicon by the word as written, so that a reply's distinct words
    are sorted into forms of «ты» and the rest with set operations (bounded: starts over when full)."""

    def __init__(self, lexical: Callable[[str], _Word | None]) -> None:
        self.lexical = lexical
        self.forms: set[str] = set()
        self.others: set[str] = set()

    def forms_among(self, words: set[str]) -> set[str]:
        """The words of `words` that `lexical` finds a form in."""
        found = words & self.forms  # taken first: another thread may start the sets over
        unseen = words - found - self.others
        if unseen:
            if len(self.others) + len(self.forms) + len(unseen) >= _KNOWN_WORDS:
                self.others.clear()
                self.forms.clear()
            for word in unseen:
                if self.lexical(word.lower()) is None:
                    self.others.add(word)
                else:
                    self.forms.add(word)
                    found.add(word)
        return found


@lru_cache(maxsize=16)
def _vocabulary(lang: str, pronoun: str, possessive: str, formal_possessive: str) -> _Vocabulary:
    return _Vocabulary(partial(_lexical, lang, pronoun, possessive, formal_possessive))


@lru_cache(maxsize=65_536)
def _lexical(lang: str, pronoun: str, possessive: str, formal_possessive: str, word: str) -> _Word | None:
    parses = parse(lang, word)
    if not parses:
        return None
    proper = any(_PROPER & p.tag.grammemes for p in parses)
    reading = _reading(parses, pronoun)
    if reading is not None:
        cases = frozenset(p.tag.case for p in parses if p.normal_form == pronoun and p.tag.case)
        return _Word("pronoun", proper, reading.tag.case, cases, None, False)
    reading = _reading(parses, possessive)
    if reading is not None:
        grammemes = frozenset(reading.tag.grammemes & _AGREEMENT)
        fix = inflect(lang, formal_possessive, grammemes) or inflect(lang, formal_possessive, grammemes - {"anim", "inan"})
        return _Word("possessive", proper, None, frozenset(), fix, False)
    best = parses[0].tag.grammemes
    if "INTJ" in best:
        # An interjection made from a 2sg imperative is still «ты»: «здравствуй», «слышь».
        verb = next((p for p in parses if _second_singular(p.tag.grammemes)), None)
        form = verb.inflect(set(_PLURAL)) if verb is not None else None
        return None if verb is None else _Word("imperative", proper, None, frozenset(), form and form.word, False)
    if not _second_singular(best):
        return None  # «мой», «жаль»: the verb reading (мыть, жалить) is not the likely one
    # A parenthetical «понимаешь», «знаешь» still speaks to the reader: not another reading.
    others = sum(p.score for p in parses if not _second_singular(p.tag.grammemes) and "Prnt" not in p.tag.grammemes)
    kind = "imperative" if "impr" in best else "verb"
    return _Word(kind, proper, None, frozenset(), inflect(lang, word, _PLURAL), others >= _AMBIGUOUS)


def _morph_form(t: _Text, i: int) -> tuple[Form, bool] | None:
    """The informal form at token `i` and whether it is the subject «ты», or None."""
    lex, tok = t.lex, t.tokens[i]
    found = _lexical(lex.language, lex.informal_pronoun, lex.informal_possessive, lex.formal_possessive, tok.lower)
    if found is None:
        return None
    capital_mid = t.capitalised_mid(i)
    if capital_mid and found.proper:
        return None  # a name: Тобі, Юля
    if found.kind in ("pronoun", "possessive"):
        nxt = t.following(i)
        if capital_mid and nxt is not None and nxt.kind == WORD and nxt.text[0].isupper():
            return None  # a product name: «магазин Твой Дом»
        if found.kind == "possessive":
            return _form(t, i, "possessive", found.fix), False
        case = _pronoun_case(t, i, found)
        fix = lex.formal_pronoun if case in (None, "nomn", "voct") else inflect(lex.language, lex.formal_pronoun, frozenset({case}))
        return _form(t, i, "pronoun", fix), case in (None, "nomn")
    if capital_mid:
        return None  # a capitalised verb mid-sentence is a label or product name («Купи»)
    if found.ambiguous and not t.clause_start(i):
        return None  # «пришли», «нашли» are also past plurals: a command only where a clause starts
    return _form(t, i, found.kind, found.fix), False


def _reading(parses: tuple[Parse, ...], lemma: str) -> Parse | None:
    """The analysis with `lemma`, if it is the best one or only proper names («Тобі») beat it."""
    for p in parses:
        if p.normal_form == lemma:
            return p
        if not _PROPER & p.tag.grammemes:
            return None
    return None


def _second_singular(grammemes: frozenset[str]) -> bool:
    """A 2nd-person singular verb: present/future indicative or imperative (not «пойдём»)."""
    if "VERB" not in grammemes or "sing" not in grammemes or "incl" in grammemes:
        return False
    return "impr" in grammemes or "2per" in grammemes


def _pronoun_case(t: _Text, i: int, word: _Word) -> str | None:
    """тебе/тобі is locative after о, при, в…, dative otherwise; pymorphy cannot see the preposition."""
    if not {"datv", "loct"} <= word.cases:
        return word.case
    prev = t.previous(i)
    return "loct" if prev is not None and prev.lower in t.lex.locative_prepositions else "datv"


def _like(template: str, word: str) -> str:
    """`word` in the capitalisation of `template`, and without «ё» if the writer does not use it."""
    if "ё" not in template.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    return match_case(template, word)


def _form(t: _Text, i: int, kind: str, fix: str | None) -> Form:
    tok = t.tokens[i]
    fixed = _like(tok.text, fix) if fix else None
    return Form(tok.start, tok.end, kind, tok.start, tok.end, fixed, not t.mid_sentence(i))


def _with_agreement(t: _Text, subject: Form, forms: list[Form]) -> Form:
    """«ты сделал» → «вы сделали», «не мог бы ты» → «не могли бы вы»: the fix of a subject «ты»
    also puts its predicate into the plural."""
    i = t.word_starting(subject.start)
    assert i is not None  # a form is an own, unquoted word
    edits: list[tuple[int, int, str]] = []
    words = 0
    next_is_predicate = True
    for j in range(i + 1, len(t.tokens)):
        tok = t.tokens[j]
        if tok.sentence != t.tokens[i].sentence or (tok.kind == PUNCT and tok.text[0] in _CLAUSE_BREAK):
            break
        if tok.kind != WORD:
            continue
        words += 1
        if words > _AGREE_WINDOW:
            break
        # Right after «ты» (and adverbs or particles) a predicate is likely even when another
        # reading wins: «ты права», «ты действительно прав».
        edit = _plural_edit(t, tok, any_reading=next_is_predicate)
        if edit is not None:
            edits.append(edit)
        next_is_predicate = next_is_predicate and bool(_MODIFIERS & best_grammemes(t.lex.language, tok.lower))
    # An inverted question puts the predicate first: «не мог бы ты», «согласна ли ты».
    sentence = t.tokens[i].sentence
    j = i - 1
    while j >= 0 and t.tokens[j].sentence == sentence and t.tokens[j].lower in _PARTICLES:
        j -= 1
    if j >= 0 and t.tokens[j].sentence == sentence and t.tokens[j].kind == WORD:
        edit = _plural_edit(t, t.tokens[j], any_reading=False)
        if edit is not None:
            edits.insert(0, edit)
    if not edits or subject.fix is None:
        return subject
    start, end = min(edits[0][0], subject.start), max(edits[-1][1], subject.end)
    inner = [(f.fix_start, f.fix_end, f.fix) for f in forms if start <= f.fix_start and f.fix_end <= end and f.fix]
    pieces, pos = [], start
    for s, e, fix in sorted({*edits, *inner}):
        if s >= pos:
            pieces += [t.text[pos:s], fix]
            pos = e
    pieces.append(t.text[pos:end])
    return Form(subject.start, subject.end, subject.kind, start, end, "".join(pieces), subject.opens)


def _plural_edit(t: _Text, tok: Token, *, any_reading: bool) -> tuple[int, int, str] | None:
    candidates = parse(t.lex.language, tok.lower)
    reading = next((p for p in candidates if _agrees(t.lex, p)), None) if any_reading else None
    if reading is None and candidates and _agrees(t.lex, candidates[0]):
        reading = candidates[0]
    plural = reading.inflect(set(_PLURAL)) if reading is not None else None
    return None if plural is None else (tok.start, tok.end, _like(tok.text, plural.word))


def _agrees(lex: AddressLexicon, reading: Parse) -> bool:
    """A singular past-tense verb, short adjective or participle, or «сам», agreeing with «ты»."""
    tag = reading.tag.grammemes
    if "masc" not in tag and "femn" not in tag:
        return False  # «ты» is never neuter: «неплохо», «действительно» are adverbs here
    if "VERB" in tag and "past" in tag:
        return True
    if "ADJS" in tag or "PRTS" in tag or (reading.normal_form == "сам" and "nomn" in tag):
        return True
    return lex.agree_long_adjectives and "ADJF" in tag and "nomn" in tag and "Apro" not in tag


# --- Bulgarian, Hungarian, German: data patterns -----------------------------------------


def _pattern_forms(t: _Text) -> list[Form]:
    lex = t.lex
    forms: list[Form] = []
    covered: set[int] = set()
    for start, end, i in t.matches(lex.informal_re):
        phrase = t.text[start:end]
        key = " ".join(phrase.lower().split())
        replacement = lex.informal.get(key, "")
        subject = lex.subject_forms.get(key)
        if subject is not None and (not t.mid_sentence(i) or _next_is_verb(t, i)):
            replacement = subject
        fixed = match_case(phrase, replacement) if replacement else None
        forms.append(Form(start, end, "word", start, end, fixed, not t.mid_sentence(i)))
        covered.update(range(i, t.token_after(end)))
    for i, tok in enumerate(t.tokens):
        if i in covered or tok.kind != WORD or tok.quoted or t.blocked(tok.start):
            continue
        word = tok.lower
        fix: str | None
        if word in lex.imperatives and t.clause_start(i) and not _followed_by_formal(t, i):
            fix, kind = lex.imperatives[word], "imperative"
        else:
            ending = _ending(t, i)
            if ending is None:
                continue
            fix = word[: len(word) - len(ending.ending)] + ending.formal if ending.formal else None
            kind = "verb"
        fixed = match_case(tok.text, fix) if fix else None
        forms.append(Form(tok.start, tok.end, kind, tok.start, tok.end, fixed, not t.mid_sentence(i)))
    return forms


def _ending(t: _Text, i: int) -> Ending | None:
    tok = t.tokens[i]
    word = tok.lower
    if word in t.lex.exceptions or t.capitalised_mid(i) or word in t.lex.informal:
        return None
    for ending in t.lex.endings:
        if word.endswith(ending.ending) and len(word) >= ending.min_length:
            return ending
    return None


def _next_is_verb(t: _Text, i: int) -> bool:
    nxt = t.following(i)
    return nxt is not None and nxt.kind == WORD and _ending(t, i + 1) is not None


def _followed_by_formal(t: _Text, i: int) -> bool:
    nxt = t.following(i)
    return nxt is not None and t.lex.formal_re is not None and t.lex.formal_re.pattern.fullmatch(nxt.text) is not None


def _lowercase_formal(t: _Text) -> tuple[tuple[int, int], ...]:
    """German: lower-case "sie"/"ihnen" after a clause-initial verb in -en or in a set phrase."""
    if t.lex.lowercase_formal_re is None:
        return ()
    spans = {
        (tok.start, tok.end)
        for _, end, i in t.matches(t.lex.lowercase_formal_re)
        for tok in t.tokens[i : t.token_after(end)]
        if tok.text in ("sie", "ihnen")
    }
    for i, tok in enumerate(t.tokens):
        if tok.text not in ("sie", "ihnen") or tok.quoted:
            continue
        verb = t.previous(i)
        if verb is not None and verb.kind == WORD and verb.lower.endswith("en") and t.clause_start(i - 1):
            spans.add((tok.start, tok.end))
    return tuple(sorted(spans))


# --- both -------------------------------------------------------------------------------


def _addresses_group(t: _Text, formal: tuple[tuple[int, int, bool], ...]) -> bool:
    """A plural opener («Уважаемые коллеги») or a group word next to «вы» («вы все», «каждый из вас»)."""
    first = next((tok for tok in t.tokens if tok.kind == WORD and not tok.quoted), None)
    if first is not None and t.lex.group_openers_re is not None and t.lex.group_openers_re.pattern.match(t.text, first.start):
        return True
    group = {i for _, _, i in t.matches(t.lex.group_words_re)}
    if not group:
        return False
    for start, _, _ in formal:
        i = t.word_starting(start)
        assert i is not None  # a match begins at an own, unquoted word
        words = [j for j in range(max(0, i - 4), min(len(t.tokens), i + 5)) if t.word_at(j) is not None]
        k = words.index(i)
        if group.intersection(words[max(0, k - 2) : k + 3]):
            return True
    return False

"""How alike two claims' wordings are: normalised text, word stems, synonyms, a score.

Pairing a student's claim with a reference claim by wording uses two signals from here:

* :func:`normalise` — the same text once case, punctuation, quote marks and whitespace are
  set aside ("The USSR was state capitalism." and "the USSR was State Capitalism" agree);
* :class:`Wording` — a paraphrase score in [0, 1] from the content words the two texts share,
  each weighted by how rare it is among the reference's claims, so that "Soviet" (in half
  the claims) counts for less than "bribes". Words are reduced to a stem, synonyms of the
  article's vocabulary become one word (``data/synonyms.json``, plus a rubric's own), and a
  word spelt differently ("neighbours", "neighbors") is matched with rapidfuzz. The score is
  the geometric mean of how much of each text the shared words cover: it survives reordering
  and a shortened sentence, and stays low for a one-word claim that happens to share a word.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import numpy.typing as npt

__all__ = ["Lexicon", "Wording", "default_synonyms", "normalise", "stem"]

#: Function words that say nothing about which claim a sentence is. Negations stay: "was
#: not socialism" and "was socialism" are different claims.
_STOPWORD_TEXT = """
    a an the and or of to in on at by for with from into onto over under about as is are
    was were be been being it its this that these those there their they them he she his
    her we our you your i me my so than then too very can could would should will may might
    must do does did has have had which who whom whose what when where while also only just
    even such some any all more most much other another each both many one ones itself
    themselves often because since though although however but yet if whether up out
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Text with case, punctuation, quote marks and spacing set aside, for exact matching.

    Examples
    --------
    >>> normalise("  The USSR was “state capitalism”! ")
    'the ussr was state capitalism'
    >>> normalise("The USSR was state-capitalism") == normalise("the ussr was state capitalism")
    True
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return " ".join(_NOT_WORD.sub(" ", text.replace("'", "")).split())


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem: plurals, possessives, -ing, -ed and -ly off, so inflections agree.

    Not a full stemmer on purpose: it only has to make two forms of one word equal, and a
    misspelling is left to the fuzzy match.

    Examples
    --------
    >>> [stem(w) for w in ["shortages", "crushed", "crushing", "lived", "live", "stopped"]]
    ['shortag', 'crush', 'crush', 'liv', 'liv', 'stop']
    >>> stem("countries") == stem("country"), stem("people's") == stem("people")
    (True, True)
    """
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1].isalpha():
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word


def default_synonyms() -> list[list[str]]:
    """The synonym groups argmap ships (``argmap/classroom/data/synonyms.json``)."""
    text = resources.files(__package__).joinpath("data/synonyms.json").read_text("utf-8")
    groups: list[list[str]] = json.loads(text)["groups"]
    return groups


@dataclass(frozen=True)
class Lexicon:
    """Synonym groups, compiled: multi-word phrases and single words mapped to one stem.

    The first entry of a group names it; every entry becomes that entry's stem. A word in
    two groups belongs to the first.

    Examples
    --------
    >>> lex = Lexicon.build([["ussr", "soviet union"], ["shortage", "scarcity"]])
    >>> lex.tokens("Scarcity in the Soviet Union's shops")
    ['shortag', 'ussr', 'shop']
    """

    phrases: re.Pattern[str] | None
    phrase_word: dict[str, str] = field(default_factory=dict)
    word_map: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, groups: Iterable[Sequence[str]]) -> Lexicon:
        phrase_word: dict[str, str] = {}
        word_map: dict[str, str] = {}
        for group in groups:
            entries = [normalise(entry) for entry in group if normalise(entry)]
            if not entries:
                continue
            head = "".join(stem(w) for w in entries[0].split())
            for entry in entries:
                if " " in entry:
                    phrase_word.setdefault(entry, head)
                else:
                    word_map.setdefault(stem(entry), head)
        # Longest phrases first, so "lots of" wins over a shorter phrase inside it.
        ordered = sorted(phrase_word, key=lambda p: (-len(p), p))
        pattern = None
        if ordered:
            pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
        return cls(pattern, phrase_word, word_map)

    def tokens(self, text: str) -> list[str]:
        """The content-word stems of ``text``, synonyms replaced, in order of appearance."""
        plain = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
        plain = " ".join(_NOT_WORD.sub(" ", plain.replace("'s ", " ").replace("'", "")).split())
        if self.phrases is not None:
            plain = self.phrases.sub(lambda mo: " " + self.phrase_word[mo[0]] + " ", plain)
        out = []
        for word in plain.split():
            if word in STOPWORDS:
                continue
            token = stem(word)
            out.append(self.word_map.get(token, token))
        return out


class Wording:
    """Paraphrase scores between texts and the reference's texts, as one matrix product.

    ``Wording(lexicon, reference_texts)`` learns the reference's vocabulary and how rare each
    word is among its texts; :meth:`scores` gives, for a list of student texts, the matrix of
    scores against every reference text.

    Examples
    --------
    >>> w = Wording(Lexicon.build([]), ["Constant shortages and long lines.",
    ...                                 "The party bureaucracy grew powerful."])
    >>> s = w.scores(["There were shortages and long lines", "Homework causes stress"])
    >>> [round(float(x), 2) for x in s[0]], [float(x) for x in s[1]]
    ([0.87, 0.0], [0.0, 0.0])
    """

    #: Two spellings of a word this alike (rapidfuzz ratio, 0-100) count as one word.
    FUZZY_CUTOFF = 85.0
    #: Shorter words are matched exactly only: "rule" and "rude" are not the same word.
    FUZZY_MIN_LENGTH = 5

    def __init__(self, lexicon: Lexicon, reference_texts: Sequence[str]) -> None:
        self.lexicon = lexicon
        token_sets = [set(lexicon.tokens(t)) for t in reference_texts]
        vocabulary = sorted(set().union(*token_sets)) if token_sets else []
        self.index = {word: i for i, word in enumerate(vocabulary)}
        df = np.zeros(len(vocabulary))
        for tokens in token_sets:
            df[[self.index[t] for t in tokens]] += 1
        n = max(len(token_sets), 1)
        # Rare words weigh more; a word the reference never uses weighs as the rarest one.
        self.idf = np.log1p(n / (1.0 + df)) if len(df) else np.zeros(0)
        self.unknown_weight = float(math.log1p(n))
        self.matrix = self._rows(token_sets)
        self.totals = self.matrix.sum(axis=1)
        self._long_words = [w for w in vocabulary if len(w) >= self.FUZZY_MIN_LENGTH]
        self._spelling: dict[str, str | None] = {}

    def _rows(self, token_sets: Sequence[set[str]]) -> npt.NDArray[np.float64]:
        rows = np.zeros((len(token_sets), len(self.index)))
        for i, tokens in enumerate(token_sets):
            columns = [self.index[t] for t in tokens if t in self.index]
            rows[i, columns] = self.idf[columns]
        return rows

    def known(self, word: str) -> str | None:
        """The reference's word for ``word``: itself, or a close spelling, or None."""
        if word in self.index:
            return word
        if word not in self._spelling:
            self._spelling[word] = self._closest(word)
        return self._spelling[word]

    def _closest(self, word: str) -> str | None:
        if len(word) < self.FUZZY_MIN_LENGTH or not self._long_words:
            return None
        from rapidfuzz import fuzz, process

        found = process.extractOne(
            word, self._long_words, scorer=fuzz.ratio, score_cutoff=self.FUZZY_CUTOFF
        )
        return None if found is None else str(found[0])

    def scores(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Paraphrase scores in [0, 1]: one row per text, one column per reference text."""
        rows = np.zeros((len(texts), len(self.index)))
        own_weight = np.zeros(len(texts))
        for i, text in enumerate(texts):
            columns = set()
            for word in set(self.lexicon.tokens(text)):
                match = self.known(word)
                if match is None:
                    own_weight[i] += self.unknown_weight
                else:
                    columns.add(self.index[match])
            rows[i, sorted(columns)] = 1.0
        # Each shared word counted once, at its weight: the reference rows hold the weights.
        shared = rows @ self.matrix.T
        mine = rows @ self.idf + own_weight
        with np.errstate(divide="ignore", invalid="ignore"):
            cover_mine = np.where(mine[:, None] > 0, shared / mine[:, None], 0.0)
            cover_theirs = np.where(self.totals[None, :] > 0, shared / self.totals[None, :], 0.0)
        result: npt.NDArray[np.float64] = np.sqrt(cover_mine * cover_theirs)
        return np.clip(result, 0.0, 1.0)

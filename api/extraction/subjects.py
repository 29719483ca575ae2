"""The counted subject of a figure: the noun phrase after the number, its head and category,
the side words and possessive that say whose it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .gazetteer import load
from .measures import (
    CLAUSE_VERBS,
    LIGHT_NOUNS,
    MEASURE_NOUNS,
    MEASURE_WORDS,
    PERSON_CATEGORIES,
    STOP_WORDS,
    SUBJECT_CATEGORIES,
    phrase_at,
    tokens,
)
from .subject_words import DEGREE_ADVERBS
from .textutil import word_set

_SUBJECTS = lexicon.subjects()


@dataclass(frozen=True, slots=True)
class SubjectParse:
    surface: str | None  # "Pakistani soldiers"
    category: str | None  # "combatants"
    side_words: tuple[str, ...]  # capitalised modifiers that may name a side
    possessive: str | None  # "own" ("its/their soldiers"), "other" ("the other side's")
    end: int  # end offset (in the sentence) of the counted phrase
    others: bool = False  # "30 others": inherits the previous subject
    empty: bool = False  # nothing counted follows the number
    #: "seven of them were children", "eight were children": a part of the figure before,
    #: named after a copula (its measure is the previous figure's)
    predicate: bool = False
    #: "five of the dead were children": the measure of the whole the part is of
    part_of: str | None = None
    #: "three of the injured remained in hospital": the measure of the people the figure
    #: is a part of, when no verb after it names another ("four of the wounded died")
    among: str | None = None


#: Plural endings and what replaces them, most specific first ("cities" -> city, "boxes" ->
#: box, "churches" -> church, "classes" -> class); "-ses" after anything else loses only
#: its "s" ("houses" -> house, "cases" -> case).
_PLURAL_ENDINGS = (
    ("ies", "y"),
    ("men", "man"),
    ("sses", "ss"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("xes", "x"),
    ("zzes", "zz"),
    ("s", ""),
)
#: Singular words that end in "s" ("bus", "status", "crisis", "class", "gas").
_SINGULAR_S = ("ss", "us", "is", "as")


def lemma(noun: str) -> str:
    """The singular of a counted noun, by its plural ending; a stem keeps two letters
    ("boxes" -> box) or, for a bare "-s", three ("cops" -> cop, "gas" stays)."""
    n = noun.lower().replace("’", "'")
    if n in SUBJECT_CATEGORIES:
        return n
    for suffix, repl in _PLURAL_ENDINGS:
        if not n.endswith(suffix):
            continue
        stem = n[: -len(suffix)]
        if suffix == "s" and (len(stem) < 3 or n.endswith(_SINGULAR_S)):
            return n
        return stem + repl if len(stem) >= 2 else n
    return n


def demonym_plural(word: str) -> str | None:
    """The demonym of a plural people noun ("Palestinians" -> "Palestinian"), else None."""
    if len(word) < 4 or not word[0].isupper() or not word.endswith("s"):
        return None
    place = load().place_index.get(word[:-1])
    if place is not None and place[1] == "demonym":
        return word[:-1]
    return None


def category_of(head: str) -> str:
    low = head.lower()
    return SUBJECT_CATEGORIES.get(low) or SUBJECT_CATEGORIES.get(lemma(low)) or lemma(low)


_NOT_HEADS = _SUBJECTS.not_heads
#: Number words that start the next counted phrase ("five firefighters and two passers-by").
_NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred dozen dozens hundreds thousands"
)


#: Prepositions that end the counted noun phrase ("fighters of the Movement": fighters).
_POSTMODIFIERS = frozenset({"of", "in", "at", "from", "for", "on", "with", "near", "to"})
#: Person nouns that name combatants whatever the category table says of other words.
_COMBATANT_HEADS = frozenset(
    {
        "soldiers",
        "troops",
        "fighters",
        "militants",
        "terrorists",
        "forces",
        "insurgents",
        "rebels",
        "personnel",
        "commandos",
        "gunmen",
        "attackers",
        "servicemen",
        "soldier",
    }
)


def _possessive_prefix(
    s: str, toks: list[tuple[str, int, int]], pos: int
) -> tuple[int, str | None] | SubjectParse:
    """Skip "of its (own)", "of the other side's", "of the" before the counted noun:
    (index of the noun phrase, possessive), or the whole parse when nothing is counted."""
    i = 0
    possessive: str | None = None
    if not (toks and toks[0][0].lower() in {"of", "on", "from"}):
        return 0, None
    j = 1
    words = [t[0].lower() for t in toks[j : j + 5]]
    if words[:1] and words[0] in {"its", "their", "our", "his", "her"}:
        possessive = "own"
        j += 1
        if j < len(toks) and toks[j][0].lower() == "own":
            j += 1
        if j < len(toks) and toks[j][0].lower() in {"side", "part"}:
            return SubjectParse(None, None, (), "own", toks[j][2])
        i = j
    elif words[:3] == ["the", "other", "side's"] or words[:4] == ["the", "other", "side", "’s"]:
        possessive = "other"
        i = j + 3
    elif toks[0][0].lower() == "of" and words[:1] and words[0] in {"them", "us", "whom"}:
        named = _predicate(s, toks[j][2])
        return named or SubjectParse("others", None, (), None, toks[j][2], others=True)
    elif toks[0][0].lower() == "of":
        if words[:1] and words[0] in {"the", "those", "these"}:
            j += 1
            part = _part_of(s, toks, j)
            if part is not None:
                return part
        i = j
    else:
        return SubjectParse(None, None, (), None, pos, empty=True)
    # "37 of 48 drones", "14 of its 21 closed roads": the total is not the noun
    if i < len(toks) and toks[i][0][:1].isdigit():
        i += 1
    return i, possessive


def _ends_phrase(toks: list[tuple[str, int, int]], k: int, modifiers: list[str]) -> bool:
    """A verb or participle after the counted noun ends its phrase ("12 miners remained
    trapped", "tally sheets processed", "marchers flooded the city"); before it, it is an
    adjective ("46 unmanned aerial vehicles")."""
    low = toks[k][0].lower()
    prev = modifiers[-1] if modifiers else ""
    after_noun = prev.lower() in SUBJECT_CATEGORIES or (prev.islower() and prev.endswith("s"))
    if low in _LINKING_VERBS and (not modifiers or after_noun or prev.islower()):
        return True  # "25 people remain missing", "12 crew still unaccounted for"
    return (
        after_noun
        and toks[k][0][:1].islower()
        and len(low) > 4
        and low.endswith(("ed", "ing"))
        and low not in SUBJECT_CATEGORIES
        and low not in _NUMBER_WORDS
    )


_MEMBERS_AFTER = re.compile(r"-(member|strong|person|man|woman)\b", re.I)
_CLOSING_QUOTES = frozenset({'"', "”", "’"})
#: Verbs (and "still") that link a counted noun to the state its measure names.
_LINKING_VERBS = frozenset({"remain", "remains", "remained", "still", "stay", "stayed"})


def _leading_form(s: str, pos: int, toks: list[tuple[str, int, int]]) -> SubjectParse | None:
    """What the word right after a number says it counts, when it is no noun phrase: "the
    240-member mission" (its people), "seven were hurt, one seriously" (a part of them)."""
    member = _MEMBERS_AFTER.match(s, pos)
    if member is not None:
        return SubjectParse(member.group(1), "people", (), None, member.end())
    if toks and toks[0][0].lower() in DEGREE_ADVERBS:
        return SubjectParse("others", None, (), None, pos, others=True)
    return None


def parse_subject(s: str, pos: int) -> SubjectParse:
    """Parse what is counted right after a number phrase ending at ``pos``."""
    toks = tokens(s[pos : pos + 160], pos, 24)  # the parse below reads at most ~17
    lead = _leading_form(s, pos, toks)
    if lead is not None:
        return lead
    prefix = _possessive_prefix(s, toks, pos)
    if isinstance(prefix, SubjectParse):
        return prefix
    i, possessive = prefix
    i, side_words, modifiers, phrase_ends, end = _counted_words(toks, i, pos)
    # postmodifier "on the Afghan side (of the border)"
    post = re.match(
        r"\s+(?:on|from)\s+the\s+((?:[A-Z][\w'’-]+\s+)+)side(?:\s+of(?:\s+the)?\s+(?:border|frontier|line))?",
        s[end:],
    )
    if post:
        side_words.extend(post.group(1).split())
        end = end + post.end()
    if not modifiers and i < len(toks) and toks[i][0].lower() in _LINKING_VERBS:
        # "Of the 27 injured, 11 remain in hospital", "41 are still below": the people
        # (or things) of the figure before
        return SubjectParse(None, None, (), possessive, end, others=True)
    if not modifiers:
        named = _predicate(s, end) if possessive is None else None
        return named or SubjectParse(
            None, None, tuple(side_words), possessive, end, empty=possessive is None
        )
    if len(modifiers) == 1 and modifiers[0].lower() == "others":
        return SubjectParse("others", None, (), possessive, end, others=True)
    surface = s[toks[i][1] : end] if i < len(toks) else None
    category = _category(modifiers, phrase_ends, side_words)
    return SubjectParse(surface, category, tuple(side_words), possessive, end)


def _coordinates(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the "and" at ``k`` goes on with another noun phrase (not a verb or number)."""
    if k + 1 >= len(toks) or not toks[k + 1][0][0].isalpha():
        return False
    nxt = toks[k + 1][0].lower()
    return (
        nxt not in STOP_WORDS
        and nxt not in MEASURE_WORDS
        and nxt not in CLAUSE_VERBS
        and nxt not in _NUMBER_WORDS
    )


def _counted_words(
    toks: list[tuple[str, int, int]], i: int, pos: int
) -> tuple[int, list[str], list[str], list[int], int]:
    """The words of the counted phrase from token ``i``: (its first token, the capitalised
    side words, the words, where each coordinated noun phrase ends, its end offset)."""
    side_words: list[str] = []
    modifiers: list[str] = []
    #: where each noun phrase of the counted phrase ends (an index into ``modifiers``)
    phrase_ends: list[int] = []
    end = pos
    k = i
    while k < len(toks) and k < i + 9:
        word, _a, b = toks[k]
        low = word.lower()
        if not word[0].isalpha():
            if word in _CLOSING_QUOTES and k == i and not modifiers:
                i = k = k + 1  # '"fewer than a dozen" missiles': the quote closes the figure
                continue
            if word in {"-", "–"} and modifiers:
                k += 1
                continue
            break
        if low in STOP_WORDS and low not in {"and"}:
            break
        if low in _NOT_HEADS:
            # a hedge or participle is never the counted noun ("roughly", "more", "drawn")
            if modifiers:
                break
            i = k + 1
            k += 1
            continue
        if low == "and":
            # coordination continues only with another noun phrase
            if not _coordinates(toks, k):
                break
            phrase_ends.append(len(modifiers))
            k += 1
            continue
        if low in MEASURE_WORDS and low not in {"dead"} and modifiers:
            break
        if phrase_at(toks, k) is not None:
            break  # "40,000 people took part": the phrase is the measure, not the noun
        if low in MEASURE_WORDS and not modifiers:
            break
        if (k == 0 or toks[k - 1][0].lower() != "and") and _ends_phrase(toks, k, modifiers):
            break
        if low in _POSTMODIFIERS:
            phrase_ends.append(len(modifiers))
        if word[0].isupper():
            side_words.append(word)
        modifiers.append(word)
        end = b
        k += 1
    return i, side_words, modifiers, phrase_ends, end


_COPULA = re.compile(r"\s+(?:were|are)\s+(?:(?:all|also|mostly|reportedly)\s+)?(?=[a-z])")


def _part_of(s: str, toks: list[tuple[str, int, int]], j: int) -> SubjectParse | None:
    """ "(five) of the dead are children": the people named after the copula, as a part of
    the whole the measure word names (the dead: killed)."""
    if j >= len(toks):
        return None
    word = toks[j][0].lower()
    measure = MEASURE_NOUNS.get(word) or MEASURE_WORDS.get(word)
    if measure is None:
        return None
    named = _predicate(s, toks[j][2])
    if named is None:
        # "three of the injured remained in critical condition": people among the injured
        end = toks[j][2]
        return SubjectParse(s[toks[j][1] : end], "people", (), None, end, among=measure)
    return SubjectParse(
        named.surface, named.category, (), None, named.end, predicate=True, part_of=measure
    )


def _predicate(s: str, pos: int) -> SubjectParse | None:
    """ "(seven of them) were children": the people a part of a figure is, after a copula."""
    m = _COPULA.match(s, pos)
    if m is None:
        return None
    named = parse_subject(s, m.end() - 1)
    if named.category not in PERSON_CATEGORIES or named.surface is None:
        return None
    return SubjectParse(named.surface, named.category, (), None, named.end, predicate=True)


def _head(words: list[str]) -> str | None:
    """The head of a noun phrase: its last word ("border guards" -> guards, "polling
    tables" -> tables)."""
    return words[-1] if words else None


def _category(modifiers: list[str], phrase_ends: list[int], side_words: list[str]) -> str | None:
    """The category of what is counted, from the head of its noun phrases: the last
    coordinated phrase whose head is a known noun ("women and children" -> civilians),
    else the first phrase's head ("voting booths" -> booth)."""
    category: str | None = None
    start = 0
    for stop in [*phrase_ends, len(modifiers)]:
        phrase = modifiers[start:stop]
        partitive = category in LIGHT_NOUNS and phrase[:1] and phrase[0].lower() == "of"
        if phrase and phrase[0].lower() in _POSTMODIFIERS and not partitive:
            phrase = []  # "of the Movement": a postmodifier, not a counted phrase
        start = stop
        # "600 rounds of ammunition": the rounds are of what the phrase after "of" names
        head = _head([w for w in phrase if w.lower() not in _POSTMODIFIERS])
        if head is None:
            continue
        low = head.lower()
        if low in SUBJECT_CATEGORIES:
            category = SUBJECT_CATEGORIES[low]
        elif low in _COMBATANT_HEADS or (head[0].islower() and (category is None or partitive)):
            category = category_of(low)
    if category is None and demonym_plural(modifiers[-1]) is not None:
        # "27 Palestinians", "60 Ukrainians": people of a country
        category = "people"
    if category is None and side_words and all(w[0].isupper() for w in modifiers):
        # "200 Taliban": a group name used as a noun
        category = "combatants" if any(w.lower() in SUBJECT_CATEGORIES for w in modifiers) else None
    return category

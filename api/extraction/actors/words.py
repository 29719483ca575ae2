"""Word lists of the actor recogniser, read from ``lexicon/actors.toml`` and
``lexicon/speakers.toml`` (the data), with a few closed sets the code's rules name."""

from __future__ import annotations

from ..lexicon import actor_words, generic_heads
from ..types import ActorKind

_WORDS = actor_words()

#: Institution heads: surface (lower-case) -> (canonical head, kind).
ORG_HEADS: dict[str, tuple[str, ActorKind]] = {
    form: (head, ActorKind(kind)) for head, kind, forms in _WORDS.org_heads for form in forms
}
#: Person roles: their presence marks the phrase as "a person speaking for X".
ROLE_WORDS = _WORDS.lists["role_words"]
TITLE_TOKENS = _WORDS.lists["title_tokens"]
NON_NAME_WORDS = _WORDS.lists["non_name_words"] | TITLE_TOKENS
MEDIA_SUFFIXES = _WORDS.lists["media_suffixes"]
ORG_SUFFIXES = _WORDS.lists["org_suffixes"]
PRONOUNS = _WORDS.pronouns
#: Sentence-initial adjectives that look like names ("Local authorities said").
COMMON_ADJECTIVES = _WORDS.lists["common_adjectives"]
#: Generic heads that are people speaking for a body ("a Hezbollah commander").
PERSONISH_HEADS = _WORDS.lists["personish_heads"]
ONE_PERSON = _WORDS.lists["one_person"]
NAMED_HEAD_DESCRIPTORS = _WORDS.lists["named_head_descriptors"]
ARMED_CUES = _WORDS.lists["armed_cues"]
GENERIC_STOP = _WORDS.lists["generic_stop"]
#: Common heads of speaker phrases that need no side ("the ministry", "local authorities").
GENERIC_HEADS: dict[str, ActorKind] = {w: ActorKind(k) for w, k in generic_heads().items()}

NAME_PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "al",
        "el",
        "ul",
        "ud",
        "van",
        "von",
        "de",
        "da",
        "di",
        "la",
        "del",
        "du",
        "dos",
        "der",
    }
)
GOVERNING = r"(?:government|administration|regime|authorities|rulers|cabinet|leadership)"
#: Every match of GOVERNING_GROUP contains one of these (case-sensitive) substrings.
GOVERNING_KEYS = (
    "government",
    "administration",
    "regime",
    "authorities",
    "rulers",
    "cabinet",
    "leadership",
    "run",
    "led",  # also "ruled"
    "power",
    "takeover",
    "fall",
)
#: Abbreviated titles, with or without their dot ("Lt Col", "Lt. Col.").
TITLE_ABBREVIATIONS = frozenset(
    {"lt", "col", "gen", "maj", "capt", "brig", "adm", "sgt", "cpl", "pte", "cdr", "cmdr"}
)
ROLE_QUALIFIERS = frozenset({"chief", "deputy", "senior", "top", "acting", "former", "main"})
NAME_GLUE = frozenset({"of", "for", "and", "al", "bin"})
#: First words of names joined by another language's prepositions and articles
#: ("Frente por el Agua Pública") and those small words (``lexicon/actors.toml``).
FOREIGN_ORG_HEADS = _WORDS.lists["foreign_org_heads"]
FOREIGN_NAME_GLUE = _WORDS.lists["foreign_name_glue"]
LOCATIVE_PREPS = frozenset({"in", "at", "from", "near", "inside"})
#: Words of a state's bodies, which the ministry rules resolve ("Ministry of Defense").
STATE_BODIES = frozenset({"ministry", "department", "ministries"})
#: Heads whose bare definite use ("the ministry") usually points back to a named actor.
AMBIENT_HEADS = frozenset({"ministry", "agency", "group", "authorities", "department"})
MEDIA_CUES = frozenset({"newspaper", "broadcaster", "outlet", "channel", "daily", "agency's"})
STATE_BODY_HEADS = _WORDS.lists["state_body_heads"]
MILITARY_BODY_HEADS = _WORDS.lists["military_body_heads"]
#: Nouns that name a body ("the service", "the union's president"), not a person.
BODY_NOUNS = (
    frozenset(w for w, k in GENERIC_HEADS.items() if k != ActorKind.other)
    | ORG_SUFFIXES
    | _WORDS.lists["body_nouns"]
) - {"force", "forces", "troops", "police"}
#: Last words of the name of an organisation that fights ("Liberation Army", "Front").
ARMED_HEADS = MILITARY_BODY_HEADS | {"front", "movement", "militia", "brigades"}

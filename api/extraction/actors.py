"""Actors: per-article registry, actor-phrase recognition and linking.

The registry keeps mutable nodes while an article is processed (aliases accumulate as the
article is read) and freezes them into :class:`~api.extraction.types.ActorRef` at the end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice

from .gazetteer import Country, Gazetteer, load
from .lexicon import calendar, document_nouns, generic_heads, person_roles
from .textutil import clean_display, name_key, straighten
from .types import ActorKind, ActorRef

# --- lexicons -----------------------------------------------------------------------------

#: Institution heads: surface (lower-case) -> (canonical head, kind).
ORG_HEADS: dict[str, tuple[str, ActorKind]] = {}


def _heads(forms: str, head: str, kind: ActorKind) -> None:
    for f in forms.split("|"):
        ORG_HEADS[f] = (head, kind)


_heads(
    "armed forces|military|army|defence forces|defense forces|armed force|military leadership|"
    "military command|army command",
    "military",
    ActorKind.military,
)
_heads(
    "government|administration|authorities|regime|cabinet|leadership|rulers|interim government|"
    "federal government|caretaker government|de facto authorities",
    "government",
    ActorKind.government,
)
_heads(
    "defense ministry|defence ministry|ministry of defense|ministry of defence|defense department|"
    "department of defense|mod",
    "Ministry of Defense",
    ActorKind.government,
)
_heads(
    "foreign ministry|ministry of foreign affairs|foreign office|foreign affairs ministry|"
    "state department|department of state",
    "Ministry of Foreign Affairs",
    ActorKind.government,
)
_heads(
    "interior ministry|ministry of interior|ministry of the interior|home ministry|"
    "ministry of home affairs|interior department",
    "Ministry of Interior",
    ActorKind.government,
)
_heads(
    "external affairs ministry|ministry of external affairs",
    "Ministry of External Affairs",
    ActorKind.government,
)
_heads(
    "information ministry|ministry of information|ministry of information and broadcasting",
    "Ministry of Information",
    ActorKind.government,
)
_heads(
    "health ministry|ministry of health|ministry of public health",
    "Ministry of Health",
    ActorKind.government,
)
_heads("police|police force|police department", "police", ActorKind.government)
_heads("embassy", "embassy", ActorKind.government)
_heads("parliament|national assembly|senate", "parliament", ActorKind.government)
_heads(
    "presidency|president's office|prime minister's office|prime minister's house",
    "executive office",
    ActorKind.government,
)
_heads(
    "intelligence|intelligence agency|intelligence services", "intelligence", ActorKind.government
)
_heads(
    "media|state media|state television|state tv|state broadcaster|state news agency|press",
    "media",
    ActorKind.media_outlet,
)
_heads("air force", "air force", ActorKind.military)
_heads("navy", "navy", ActorKind.military)

#: Plural collective speakers: "<side> security officials", "local officials".
_OFFICIALS = re.compile(
    r"(?:(?P<mod>security|military|government|intelligence|local|provincial|district|police|"
    r"health|hospital|border|senior|top|defen[cs]e|foreign ministry|rescue|tribal|"
    r"administration|army|state|federal|regional|municipal|emergency|airport)\s+)*"
    r"(?P<head>officials|official|sources|source|spokespeople|representatives|diplomats|"
    r"residents|witnesses|elders|commanders|leaders)$",
    re.IGNORECASE,
)

#: Person roles: their presence marks the phrase as "a person speaking for X".
ROLE_WORDS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "premier",
        "chancellor",
        "secretary",
        "secretary-general",
        "envoy",
        "ambassador",
        "official",
        "commander",
        "chief",
        "general",
        "governor",
        "mayor",
        "leader",
        "head",
        "director",
        "adviser",
        "advisor",
        "aide",
        "deputy",
        "representative",
        "lawmaker",
        "senator",
        "king",
        "queen",
        "emir",
        "prince",
        "diplomat",
        "officer",
        "lieutenant",
        "colonel",
        "major",
        "captain",
        "sergeant",
        "admiral",
        "brigadier",
        "marshal",
        "spokespersons",
        "counterpart",
        "counterparts",
        "member",
        "chairman",
        "chairwoman",
        "chair",
        "negotiator",
        "commissioner",
        "superintendent",
        "inspector",
        "councillor",
        "councilor",
    ]
)
TITLE_TOKENS = frozenset(
    [
        "commissioner",
        "superintendent",
        "inspector",
        "councillor",
        "councilor",
        "cr",
        "cr.",
        "lt",
        "lt.",
        "gen",
        "gen.",
        "col",
        "col.",
        "maj",
        "maj.",
        "capt",
        "capt.",
        "brig",
        "brig.",
        "adm",
        "adm.",
        "sgt",
        "sgt.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "president",
        "prime",
        "minister",
        "foreign",
        "defense",
        "defence",
        "interior",
        "deputy",
        "secretary",
        "general",
        "under",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "former",
        "senator",
        "governor",
        "king",
        "queen",
        "prince",
        "emir",
        "ambassador",
        "envoy",
        "commander",
        "field",
        "marshal",
        "lieutenant",
        "colonel",
        "major",
        "captain",
        "admiral",
        "brigadier",
        "affairs",
        "political",
        "external",
        "home",
        "information",
        "finance",
        "security",
        "public",
        "relations",
        "acting",
        "vice",
        "state",
        "supreme",
        "army",
        "air",
        "naval",
        "military",
        "national",
        "special",
        "sheikh",
        "his",
        "her",
        "excellency",
        "highness",
        "justice",
        "health",
        "minister's",
        "official",
        "director",
        "head",
        "leader",
        "for",
        "of",
        "the",
        "and",
        "to",
        "adviser",
        "advisor",
    ]
)
NON_NAME_WORDS = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "in",
            "on",
            "at",
            "of",
            "for",
            "and",
            "or",
            "but",
            "to",
            "from",
            "by",
            "with",
            "as",
            "after",
            "before",
            "during",
            "since",
            "while",
            "when",
            "if",
            "that",
            "this",
            "these",
            "those",
            "it",
            "its",
            "their",
            "his",
            "her",
            "they",
            "he",
            "she",
            "we",
            "our",
            "us",
            "you",
            "i",
            "also",
            "however",
            "meanwhile",
            "furthermore",
            "moreover",
            "additionally",
            "then",
            "so",
            "yet",
            "still",
            "both",
            "each",
            "all",
            "some",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "government",
            "ministry",
            "office",
            "forces",
            "force",
            "army",
            "military",
            "police",
            "parliament",
            "council",
            "committee",
            "agency",
            "department",
            "service",
            "services",
            "commission",
            "bureau",
            "authority",
            "front",
            "party",
            "movement",
            "group",
            "organization",
            "organisation",
            "institute",
            "foundation",
            "union",
            "association",
            "corps",
            "command",
            "court",
            "assembly",
            "bank",
            "fund",
            "program",
            "programme",
            "centre",
            "center",
            "network",
            "news",
            "times",
            "post",
            "herald",
            "tribune",
            "journal",
            "gazette",
            "telegraph",
            "express",
            "daily",
            "press",
            "radio",
            "tv",
            "television",
            "channel",
            "media",
            "broadcasting",
            "observer",
            "review",
            "monitor",
            "mail",
            "star",
            "chronicle",
            "dispatch",
            "standard",
            "nation",
            "report",
            "reports",
            "statement",
            "update",
            "officials",
            "sources",
            "residents",
            "witnesses",
            "security",
            "republic",
            "kingdom",
            "state",
            "states",
            "united",
            "nations",
        ]
    )
    | TITLE_TOKENS
)
MEDIA_SUFFIXES = frozenset(
    [
        "post",
        "times",
        "news",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "telegraph",
        "express",
        "daily",
        "press",
        "radio",
        "tv",
        "television",
        "channel",
        "media",
        "broadcasting",
        "observer",
        "review",
        "monitor",
        "mail",
        "star",
        "chronicle",
        "dispatch",
        "standard",
        "agency",
        "today",
        "wire",
        "network",
    ]
)
ORG_SUFFIXES = frozenset(
    [
        "ministry",
        "office",
        "council",
        "committee",
        "department",
        "service",
        "services",
        "commission",
        "bureau",
        "authority",
        "front",
        "party",
        "movement",
        "group",
        "organization",
        "organisation",
        "institute",
        "foundation",
        "union",
        "association",
        "corps",
        "command",
        "court",
        "assembly",
        "bank",
        "fund",
        "program",
        "programme",
        "centre",
        "center",
        "relations",
        "forces",
        "army",
        "brigade",
        "battalion",
        "division",
        "police",
        "guard",
        "guards",
        "league",
        "alliance",
        "coalition",
        "federation",
        "secretariat",
        "survey",
        "society",
        "observatory",
        "directorate",
        "agency",
        "wing",
        "unit",
    ]
)
PRONOUNS = {
    "they": "plural",
    "he": "person",
    "she": "person",
    "it": "org",
    "we": "plural",
    "i": "person",
}
_NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "ul", "ud", "van", "von", "de", "da", "di"})
_GOVERNING = r"(?:government|administration|regime|authorities|rulers|cabinet|leadership)"


#: A name introduced as armed: "the paramilitary Rapid Support Forces", "rebel group M23".
_ARMED_NAME = re.compile(
    r"\b(?:paramilitary|militant|rebel|insurgent|jihadist|separatist|armed|militia)"
    r"(?:\s+(?:group|force|forces|movement|organi[sz]ation|faction|coalition|alliance))?"
    r"\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,5})"
)
#: ... or with the cue after it: "the Kivu Patriotic Front rebel group", "M23 rebels".
_ARMED_NAME_AFTER = re.compile(
    r"\b((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)(?:\s+\([A-Z]{2,6}\))?\s+"
    r"(?:rebel|rebels|militia|militias|militants|insurgents|insurgent|armed\s+group|"
    r"paramilitaries|guerrillas|guerrilla)\b"
)
#: A wire dateline: "BANGKOK, Aug 12 (Reuters) -", "GOMA, Congo (AP) —".
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,?[^\n]{0,40}?\((?:Reuters|AP|AFP|dpa|Xinhua)\)\s*[-—–]")
_LEDE_END = re.compile(r"[.!?](?:\s|$)")
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b")
#: All-capital tokens that may be initialisms ("RSF", "ISPR"); "U.S." has dots.
_INITIALISM = re.compile(r"\b[A-Z]{2,6}\b")
#: Runs of capitalised words, with the small words names contain ("Forces of the Sea").
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][a-z]+){1,6}\b")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*,?\s*\)")
_ACRONYM_HEAD = re.compile(
    r"((?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|the|de|al)\s+)?){0,6}[A-Z][\w'.-]*)\s*$"
)

# Patterns of the resolution helpers below, compiled once (they run for every candidate
# phrase of every sentence).
_PREFIXED_GROUP = re.compile(
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s)?\s+([A-Z][a-z]{2,})\b(?!\s+[A-Z])"
)
_LEARN_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_GOVERNING_GROUP = re.compile(
    rf"\b([A-Z][a-z]{{2,}})(?:'s)?(?:\s+|-){_GOVERNING}\b|"
    # "Taliban-run defense ministry", "Hamas-run Gaza"; not "Hamas-led militants"
    rf"\b([A-Z][a-z]{{2,}})-(?:run|led|ruled|controlled)\s+"
    rf"(?:{_GOVERNING}\b|(?:\w+\s+)?(?:ministry|government|police)\b|[A-Z])|"
    rf"\b([A-Z][a-z]{{2,}})\s+(?:came|come|returned|return|rose|seized)\s+(?:to\s+)?power\b|"
    rf"\b([A-Z][a-z]{{2,}})\s+takeover\b|\bfall\s+of\s+\w+\s+to\s+(?:the\s+)?([A-Z][a-z]{{2,}})"
)
#: Every match of _GOVERNING_GROUP contains one of these (case-sensitive) substrings.
_GOVERNING_KEYS = (
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
_APPOSITION = re.compile(r"^(?P<head>.+?\([^)]*\))\s*,?\s+(?P<app>(?:the|a|an)\s+.+)$")
_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*,?\s*\)")
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_LEADING_CONJ = re.compile(r"^(?:and|but|also|then|so|while|however|meanwhile|now)\s+", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|another|one)\s", re.I)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:not|never|yet|already|just|long|repeatedly|strongly|categorically|flatly|"
    r"immediately|had|has|have|was|is|were|are|also|previously|reportedly|later|earlier|"
    r"subsequently|then|again|further|officially|publicly|separately|initially|would|"
    r"will|did|does|do|had also|has also|itself|themselves|himself|herself))+$",
    re.I,
)
_DOCUMENT_BY = re.compile(
    r"^(?:(?:joint|brief|short|written|new|latest|separate|official|updated|revised|provisional|preliminary|final|daily|morning|evening|afternoon|nightly|weekly|the|an?)\s+)*"
    r"(?:report|statement|update|release|press release|post|tweet|message|notification|"
    r"communique|bulletin|note|letter|readout|announcement|briefing|analysis|"
    r"assessment|study|survey|data|figures|count|tally|estimate|estimates)s?\s+"
    r"(?:\w+\s+){0,2}?(?:by|from|of|issued by|released by|published by)\s+(.+)$",
    re.I,
)
_X_DOCUMENT = re.compile(
    r"^(.+?)\s+(?:report|statement|update|release|post|tweet|message|notification|"
    r"communique|bulletin|readout|announcement|briefing|assessment|study)"
    r"(?:\s+(?:this|last|on|in)\s+\w+)?$"
)
#: A person named with a title of one office holder ("Sheriff Denise Obuya").
_TITLED_NAME = re.compile(
    r"\b(?:"
    + "|".join(sorted((r.capitalize() for r in person_roles()), key=len, reverse=True))
    + r")\s+[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|(?:al|el|de|van|von|bin)-?[A-Z][\w'’-]+)){1,2}\b"
)
#: A time after the speaker, before its verb ("the RSF on Saturday denied"): not its name.
_TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:on|late|early|late\s+on|early\s+on|last|this|earlier|later|overnight)"
    r"(?:\s+(?:" + "|".join(calendar().weekdays) + r"|" + "|".join(calendar().months) + r")"
    r"(?:\s+\d{1,2})?(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:today|yesterday|tonight)))+$",
    re.I,
)
#: Words before a document noun that name no issuer ("the same statement", "its release").
_DOCUMENT_LEAD = re.compile(
    r"^(?:(?:the|its|their|his|her|this|that|same|joint|written|latest|later|earlier|"
    r"official|brief|short|new|separate|evening|morning|daily)\s+)+"
)
_ACRONYM_ONLY = re.compile(r"[A-Z][A-Za-z]{1,7}")
_UPPER_ACRONYM = re.compile(r"[A-Z]{2,8}")
_TRAILING_TITLES = re.compile(r"(?:\s+(?:[A-Z][a-z]{0,3}\.|[A-Z][a-z]{0,3}\.-[A-Z][a-z]{0,3}\.))+$")
_LEADING_TENURE = re.compile(
    r"^(?:former|then|acting|current|outgoing|incoming|senior|top)\s+", re.I
)
_ROLE_OF = re.compile(
    r"^(?:[\w'-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|wing|arm|branch|"
    r"office|minister|head|chief|member|leader|representative|envoy|ambassador|"
    r"commander|official|secretary|director|adviser|advisor|unit|department)\s+"
    r"(?:of|for|at|to|in)\s+(.+)$",
    re.I,
)
_POSSESSIVE_S = re.compile(r"'s\b")
_MINISTRY = re.compile(r"(?:ministry of (?:the )?([\w ]+)|([\w]+(?: affairs)?) ministry)")
_UPPER = re.compile(r"[A-Z]")
_MINISTRY_WORD = re.compile(r"\bministry\b")
_GROUP_AFTER_PLACE = re.compile(r"([A-Z][a-z]{2,})(?:'s)?\b")
_GROUP_LEADING = re.compile(r"([A-Z][a-z]{2,})(?:'s|-run|-led|-ruled)?\b")
#: "Hamas's spokesman", "the RSF's commander": an organisation the text does not otherwise
#: introduce, named as the body a person speaks for.
_OWNER_LEADING = re.compile(r"([A-Z][A-Za-z-]{1,})(?:'s|’s)\s+(\S.*)$")
#: Abbreviated titles, with or without their dot ("Lt Col", "Lt. Col.").
_TITLE_ABBREVIATIONS = frozenset(
    {"lt", "col", "gen", "maj", "capt", "brig", "adm", "sgt", "cpl", "pte", "cdr", "cmdr"}
)
#: "SES Deputy Commissioner Karen Doyle": an acronym the article does not spell out.
_ACRONYM_LEADING = re.compile(r"([A-Z]{2,6})\s+(\S.*)$")
_ROLE_QUALIFIERS = frozenset({"chief", "deputy", "senior", "top", "acting", "former", "main"})


#: Sentence-initial adjectives that look like names ("Local authorities said").
_NAME_GLUE = frozenset({"of", "for", "and", "al", "bin"})
_LOCATIVE_PREPS = frozenset({"in", "at", "from", "near", "inside"})
_COMMON_ADJECTIVES = frozenset(
    [
        "local",
        "provincial",
        "regional",
        "federal",
        "national",
        "municipal",
        "central",
        "interim",
        "former",
        "current",
        "new",
        "military",
        "civilian",
        "civil",
        "health",
        "city",
        "district",
        "county",
        "village",
        "tribal",
        "border",
        "opposition",
        "rebel",
        "transitional",
        "caretaker",
    ]
)
#: Common heads of speaker phrases that need no side ("the ministry", "local authorities").
GENERIC_HEADS: dict[str, ActorKind] = {}
for _w in [
    "ministry",
    "agency",
    "authorities",
    "authority",
    "department",
    "office",
    "council",
    "judiciary",
    "court",
    "administration",
    "commission",
    "directorate",
    "prosecutor",
    "prosecutors",
    "prosecutors'",
    "police",
    "government",
    "presidency",
    "governor's",
    "municipality",
]:
    GENERIC_HEADS[_w] = ActorKind.government
for _w in ["army", "military", "navy", "force", "forces", "command", "troops"]:
    GENERIC_HEADS[_w] = ActorKind.military
for _w in ["rebels", "militants", "insurgents", "fighters", "militia", "militias", "jihadists"]:
    GENERIC_HEADS[_w] = ActorKind.armed_group
for _w in [
    "group",
    "organisation",
    "organization",
    "charity",
    "monitor",
    "observatory",
    "committee",
    "union",
    "association",
    "network",
    "society",
    "foundation",
    "coalition",
    "alliance",
    "movement",
    "party",
    "hospital",
    "service",
    "services",
]:
    GENERIC_HEADS[_w] = ActorKind.organization
for _w in [
    "officials",
    "official",
    "sources",
    "source",
    "doctors",
    "doctor",
    "medics",
    "medic",
    "paramedics",
    "witnesses",
    "witness",
    "residents",
    "resident",
    "activists",
    "activist",
    "protesters",
    "survivors",
    "relatives",
    "rescuers",
    "volunteers",
    "experts",
    "analysts",
    "observers",
    "monitors",
    "workers",
    "journalists",
    "villagers",
    "elders",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "officer",
    "officers",
    "investigators",
    "lawyers",
    "diplomats",
    "shopkeeper",
    "shopkeepers",
    "trader",
    "traders",
    "farmer",
    "farmers",
    "nurse",
    "nurses",
    "villager",
    "survivor",
    "administrator",
    "administrators",
    "teacher",
    "teachers",
    "driver",
    "drivers",
    "fisherman",
    "fishermen",
]:
    GENERIC_HEADS[_w] = ActorKind.other
for _w in ["defence", "defense", "ministries", "agencies"]:
    GENERIC_HEADS[_w] = ActorKind.government
for _w, _kind in generic_heads().items():
    GENERIC_HEADS.setdefault(_w, ActorKind(_kind))
for _w in ["staff", "commander", "commanders"]:
    GENERIC_HEADS[_w] = ActorKind.military
for _w in ["company", "firm", "operator", "utility", "groups"]:
    GENERIC_HEADS[_w] = ActorKind.organization
#: Words of a state's bodies, which the ministry rules resolve ("Ministry of Defense").
_STATE_BODIES = frozenset({"ministry", "department", "ministries"})
#: A name of capitalised words joined by small words ("Committee to Protect Journalists").
_INSTITUTION_NAME = re.compile(
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
    r"(?:\s+(?:for|of|to|on)(?:\s+the)?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)+"
)
#: Generic heads that are people speaking for a body ("a Hezbollah commander").
_PERSONISH_HEADS = frozenset(
    {
        "commander",
        "commanders",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "officers",
        "source",
        "sources",
        "leader",
        "leaders",
        "member",
        "members",
        "fighter",
        "fighters",
        "representative",
        "representatives",
    }
)
_ONE_PERSON = frozenset(
    {
        "administrator",
        "official",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "shopkeeper",
        "witness",
        "resident",
        "nurse",
        "doctor",
        "farmer",
        "trader",
        "villager",
        "survivor",
        "teacher",
        "driver",
        "fisherman",
        "source",
        "diplomat",
    }
)
#: Heads whose bare definite use ("the ministry") usually points back to a named actor.
_AMBIENT_HEADS = frozenset({"ministry", "agency", "group", "authorities", "department"})
_NAMED_HEAD_DESCRIPTORS = frozenset(
    {
        "group",
        "organisation",
        "organization",
        "charity",
        "monitor",
        "observatory",
        "network",
        "movement",
        "militia",
        "rebels",
        "militants",
        "fighters",
    }
)
_ARMED_CUES = frozenset(
    {
        "militant",
        "armed",
        "rebel",
        "insurgent",
        "jihadist",
        "paramilitary",
        "militia",
        "separatist",
        "extremist",
        "islamist",
        "rebels",
        "militants",
        "guerrilla",
    }
)
_MEDIA_CUES = frozenset({"newspaper", "broadcaster", "outlet", "channel", "daily", "agency's"})
_GENERIC_DET = re.compile(
    r"^(?:(?:the|a|an|some|several|many|other|both|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|at\s+least|more\s+than|its|their|his|her|the\s+country's|the\s+city's|"
    r"the\s+region's|the\s+state's)\s+)+",
    re.I,
)
_GENERIC_POST = re.compile(r"^(.+?)\s+(?:in|at|from|of|for)\s+(?:the\s+)?(.{2,60})$")
_GENERIC_MOD = re.compile(r"[a-z][a-z'’-]*")
_GENERIC_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "that",
        "which",
        "who",
        "whom",
        "claim",
        "claims",
        "said",
        "says",
        "say",
        "told",
        "reported",
        "report",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "not",
        "also",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "this",
        "these",
        "those",
        "from",
        "after",
        "before",
        "when",
        "while",
        "but",
        "as",
        "than",
        "killed",
        "wounded",
    ]
)
_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|al|bin|of|for|and)")


@dataclass(slots=True)
class ActorNode:
    key: str
    name: str
    kind: ActorKind
    aliases: set[str] = field(default_factory=set)
    parent: str | None = None
    country: str | None = None  # canonical country name when the node is a country


@dataclass(slots=True)
class GroupBinding:
    word: str
    country: str | None
    governing: bool
    votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PronounRef:
    """An unresolved pronoun speaker ("they said"): resolved from discourse context."""

    kind: str  # "plural" | "person" | "org" | "document" (the last speaker's statement)


def _possessive_strip(word: str) -> str:
    w = straighten(word)
    if w.endswith("'s"):
        return w[:-2]
    if w.endswith("s'"):
        return w[:-1]
    return w


class ActorRegistry:
    """Actors of one article."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()
        self.nodes: dict[str, ActorNode] = {}
        self.surnames: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> full surface
        self.groups: dict[str, GroupBinding] = {}
        self.alias_index: dict[str, str] = {}  # name_key(alias) -> node key
        self._cache: dict[str, str | PronounRef] = {}
        self._misses: dict[str, int] = {}
        self._generation = 0  # bumped when new names become resolvable
        #: Speakers known only by a common noun ("police", "officials in Goris"), tied to no
        #: country or name: good enough to attribute a figure, too vague for a bare statement.
        self.vague: set[str] = set()
        #: name keys the article introduces with an armed cue ("paramilitary X")
        self.armed_names: set[str] = set()
        #: the country the article is about, when one clearly dominates (see learn)
        self.home: str | None = None

    # --- node management ------------------------------------------------------------------
    def _alias(self, key: str, alias: str) -> None:
        if alias not in self.nodes[key].aliases:
            self.nodes[key].aliases.add(alias)
            self.alias_index.setdefault(name_key(alias), key)
            self._generation += 1

    def _node(
        self,
        name: str,
        kind: ActorKind,
        parent: str | None = None,
        alias: str | None = None,
        country: str | None = None,
    ) -> str:
        key = name_key(name)
        node = self.nodes.get(key)
        if node is None:
            node = ActorNode(key=key, name=name, kind=kind, parent=parent, country=country)
            self.nodes[key] = node
            self._generation += 1
        elif node.parent is None and parent is not None and parent != key:
            node.parent = parent
        if alias:
            alias = clean_display(alias)
            if alias and name_key(alias) != key:
                self._alias(key, alias)
        return key

    def country_node(self, country: Country, surface: str | None = None) -> str:
        key = self._node(country.name, ActorKind.country, country=country.name)
        for cap in country.capitals[:1]:
            self._alias(key, cap)
        if surface:
            s = clean_display(_possessive_strip(surface))
            if s and name_key(s) != key and s not in country.demonyms:
                self._alias(key, s)
        return key

    def is_one_person(self, key: str) -> bool:
        """A speaker known by a singular role: "a local administrator", "one shopkeeper"
        (who "he" or "she" may refer to later)."""
        node = self.nodes[key]
        return node.kind != ActorKind.person and node.name.split()[-1].lower() in _ONE_PERSON

    def chain(self, key: str) -> list[str]:
        """``key`` and the nodes it speaks for, up to its root."""
        out = [key]
        while len(out) < 16 and (parent := self.nodes[out[-1]].parent) is not None:
            if parent in out:
                break
            out.append(parent)
        return out

    def root(self, key: str | None) -> str | None:
        seen = 0
        while key is not None and seen < 16:
            parent = self.nodes[key].parent
            if parent is None:
                return key
            key = parent
            seen += 1
        return key

    def freeze(self) -> dict[str, ActorRef]:
        out: dict[str, ActorRef] = {}

        def build(key: str, depth: int = 0) -> ActorRef:
            if key in out:
                return out[key]
            node = self.nodes[key]
            parent = None
            if node.parent is not None and depth < 12 and node.parent in self.nodes:
                parent = build(node.parent, depth + 1)
            ref = ActorRef(
                name=node.name,
                kind=node.kind,
                aliases=tuple(sorted(node.aliases, key=str.lower)),
                parent=parent,
            )
            out[key] = ref
            return ref

        for key in self.nodes:
            build(key)
        return out

    # --- article pre-pass ------------------------------------------------------------------
    def learn(self, body: str) -> None:
        """Learn acronyms and the country binding of named groups from the whole article."""
        text = straighten(body)
        for m in _ACRONYM.finditer(text):
            head = _ACRONYM_HEAD.search(text, max(0, m.start() - 120), m.start())
            if head is None:
                continue
            full, acr = head.group(1).strip(), m.group(1)
            if acr.upper() != acr or acr in self.gaz.place_index:
                continue
            full = re.sub(r"^(?:The|A|An)\s+", "", full)
            self.acronyms.setdefault(acr, full)
        self._learn_initialisms(text)
        self._learn_groups(text)
        self.home = self._home_country(text)
        for m in _ARMED_NAME.finditer(text):
            self.armed_names.add(name_key(m.group(1)))
        for m in _ARMED_NAME_AFTER.finditer(text):
            self.armed_names.add(name_key(m.group(1)))
        for m in islice(_TITLED_NAME.finditer(text), 64):
            # "in what Sheriff Denise Obuya called ...": later, "Obuya" is her
            self.resolve(m.group(0))

    def settle_kinds(self) -> None:
        """Organisations the article calls armed ("the paramilitary Rapid Support Forces"),
        and the acronyms it introduced as aliases of the names they stand for."""
        for acronym, full in self.acronyms.items():
            key = self.alias_index.get(name_key(full)) or name_key(full)
            if key in self.nodes and acronym not in self.nodes[key].aliases:
                self._alias(key, acronym)
        for node in self.nodes.values():
            if node.kind != ActorKind.organization:
                continue
            keys = {node.key, *(name_key(a) for a in node.aliases)}
            spelled = {name_key(self.acronyms[a]) for a in node.aliases if a in self.acronyms}
            if (keys | spelled) & self.armed_names:
                node.kind = ActorKind.armed_group

    def _home_country(self, text: str) -> str | None:
        """The country an article is about: named twice as often as any other and at
        least twice, or the only country named, in the opening sentence; datelines and
        "the X border" are not counted."""
        counts: dict[str, int] = {}
        dateline = DATELINE.match(text)
        lede_end = _LEDE_END.search(text, dateline.end() if dateline else 0)
        in_lede: set[str] = set()
        for country, role, start, end in self._place_at(text):
            if dateline is not None and start < dateline.end():
                continue  # "BANGKOK, Aug 12 (Reuters) -": where it was filed, not what about
            if role == "demonym" and _BORDER_AFTER.match(text, end):
                continue  # "the Chinese border": a neighbour
            counts[country.name] = counts.get(country.name, 0) + 1
            if lede_end is None or start < lede_end.start():
                in_lede.add(country.name)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        if ranked[0][1] < 2 and (len(ranked) > 1 or ranked[0][0] not in in_lede):
            return None  # named once: only the one country of the opening sentence
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    def _learn_initialisms(self, text: str) -> None:
        """Acronyms spelled by the initials of a name the article also uses in full.

        "the paramilitary Rapid Support Forces ... The RSF said": RSF stands for Rapid
        Support Forces even without a "(RSF)" after the full name.
        """
        wanted = {
            m.group(0)
            for m in _INITIALISM.finditer(text)
            if m.group(0) not in self.acronyms and m.group(0) not in self.gaz.place_index
        }
        if not wanted:
            return
        for m in _CAPITALISED_RUN.finditer(text):
            words = m.group(0).split()
            while words and words[0] in {"The", "A", "An"}:
                words.pop(0)
            initials = "".join(w[0] for w in words if w[0].isupper())
            if initials in wanted and len(words) >= 2:
                self.acronyms[initials] = " ".join(words)
                wanted.discard(initials)

    def _place_at(self, text: str) -> list[tuple[Country, str, int, int]]:
        out = []
        for m in self.gaz.place_regex.finditer(text):
            surface = _possessive_strip(m.group())
            hit = self.gaz.place(surface)
            if hit is not None:
                out.append((hit[0], hit[1], m.start(), m.end()))
        return out

    def _learn_groups(self, text: str) -> None:
        candidates: dict[str, GroupBinding] = {}
        prefixed = _PREFIXED_GROUP
        sentences = _LEARN_SENTENCE_SPLIT.split(text)
        for sent in sentences:
            places: list[tuple[Country, str, int, int]] | None = None
            place_ends: list[int] = []
            demonym_before: dict[str, str | None] = {}
            for m in prefixed.finditer(sent):
                word = m.group(2)
                if word.lower() in NON_NAME_WORDS or self.gaz.place(word) is not None:
                    continue
                if self.gaz.named(word) is not None:
                    continue
                hit = self.gaz.place(m.group(1))
                if hit is None or self.gaz.place(f"{m.group(1)} {word}") is not None:
                    continue
                b = candidates.setdefault(word, GroupBinding(word, None, False))
                b.votes[hit[0].name] = b.votes.get(hit[0].name, 0) + 1
            if not any(k in sent for k in _GOVERNING_KEYS):
                continue  # no match is possible (cheap test before the regex scan)
            for m in _GOVERNING_GROUP.finditer(sent):
                word = next(g for g in m.groups() if g)
                if word.lower() in NON_NAME_WORDS or word.lower() in _COMMON_ADJECTIVES:
                    continue
                if self.gaz.place(word) is not None:
                    continue
                if self.gaz.named(word) is not None:
                    continue
                b = candidates.setdefault(word, GroupBinding(word, None, False))
                b.governing = True
                if places is None:
                    places = self._place_at(sent)
                    place_ends = [pe for _c, _r, _ps, pe in places]
                # the places within 60 characters (sorted, so a bisection: linear in the text)
                for country, _role, ps, _pe in islice(
                    places, bisect_left(place_ends, m.start() - 60), None
                ):
                    if ps > m.end() + 60:
                        break
                    if word not in demonym_before:
                        demonym_before[word] = self._demonym_country_before(sent, word)
                    if country.name == demonym_before[word]:
                        continue
                    b.votes[country.name] = b.votes.get(country.name, 0) + 2
        for word, b in candidates.items():
            if not b.votes:
                if b.governing:
                    self.groups[word] = b
                continue
            best = sorted(b.votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            b.country = best
            self.groups[word] = b

    def _demonym_country_before(self, sent: str, word: str) -> str | None:
        m = re.search(r"([A-Z][a-z]+)(?:'s)?\s+" + re.escape(word), sent)
        if m:
            hit = self.gaz.place(m.group(1))
            if hit is not None:
                return hit[0].name
        return None

    # --- groups ------------------------------------------------------------------------------
    def group_node(self, word: str, prefix_country: Country | None, surface: str) -> str:
        b = self.groups.get(word)
        bound = b.country if b else None
        if prefix_country is not None and bound is not None and prefix_country.name != bound:
            name = f"{prefix_country.demonym} {word}"
            key = self._node(name, ActorKind.armed_group)
            for acr, full in self.acronyms.items():
                if name_key(full) == key:
                    self._alias(key, acr)
            return key
        if prefix_country is not None and bound is None:
            bound = prefix_country.name
        parent = self.country_node(self.gaz.countries[bound]) if bound else None
        kind = ActorKind.government if (b and b.governing) else ActorKind.armed_group
        return self._node(word, kind, parent=parent, alias=surface if surface != word else None)

    def side_of_word(self, word: str) -> str | None:
        """Country (node key) a single capitalised word points to: demonym, country, group."""
        w = _possessive_strip(word)
        hit = self.gaz.place(w)
        if hit is None and w.endswith("s") and len(w) > 4:
            plural = self.gaz.place(w[:-1])  # "Palestinians", "Israelis"
            if plural is not None and plural[1] == "demonym":
                hit = plural
        if hit is not None:
            return self.country_node(hit[0])
        if w in self.groups:
            return self.group_node(w, None, w)
        return None

    # --- phrase resolution ----------------------------------------------------------------------
    def resolve(self, phrase: str) -> str | PronounRef | None:
        """Resolve an actor phrase ("Pakistani military spokesman Lt. Gen. X") to a node key."""
        if phrase in self._cache:
            return self._cache[phrase]
        if self._misses.get(phrase) == self._generation:
            return None
        result = self._resolve_uncached(phrase)
        if result is not None:
            self._cache[phrase] = result
        else:
            self._misses[phrase] = self._generation
        return result

    def _resolve_uncached(self, phrase: str) -> str | PronounRef | None:
        text = clean_display(straighten(phrase))
        app = _APPOSITION.match(text)
        if app is not None:
            head_key = self.resolve(app.group("head"))
            if isinstance(head_key, str):
                parent = self._resolve_role_phrase(app.group("app"))
                node = self.nodes[head_key]
                if parent is not None and parent != head_key and node.parent is None:
                    node.parent = parent
                return head_key
        acr = _PAREN_ACRONYM.search(text)
        text = _PAREN.sub(lambda m: self._paren_alias(m.group(1)), text)
        if acr is not None:
            key = self._resolve_text(text.strip(" ,"))
            if isinstance(key, str):
                self._alias(key, acr.group(1))
                self.acronyms.setdefault(acr.group(1), self.nodes[key].name)
            return key
        key = self._resolve_text(text)
        if isinstance(key, str):
            self._alias_surface(key, text)
        return key

    def _alias_surface(self, key: str, text: str) -> None:
        """Keep "Chad's army" as a name of the node it resolved to ("Chad military") when
        the place it names is the one the node belongs to: the text calls the body so.
        Bare common nouns ("the army") are never kept: they name a different body in
        another article."""
        node = self.nodes[key]
        if node.kind in (ActorKind.person, ActorKind.country, ActorKind.media_outlet):
            return
        t = _TRAILING_ADVERBS.sub("", _LEADING_ARTICLE.sub("", _LEADING_CONJ.sub("", text)))
        t = t.strip(" ,")
        words = t.split()
        if not 2 <= len(words) <= 5 or any(w.lower() in ROLE_WORDS for w in words):
            return
        m = self.gaz.place_regex.match(t)
        if m is None:
            return
        hit = self.gaz.place(_possessive_strip(m.group()))
        if hit is None or name_key(hit[0].name) not in self.chain(key):
            return
        if name_key(t) != key:
            self._alias(key, t)

    def _resolve_text(self, text: str) -> str | PronounRef | None:
        text = _LEADING_CONJ.sub("", text)
        indefinite = _INDEFINITE.match(text) is not None
        text = _LEADING_ARTICLE.sub("", text)
        text = _TRAILING_ADVERBS.sub("", _TRAILING_TIME.sub("", text))
        text = text.strip(" ,")
        if not text or len(text) > 160:
            return None
        low = text.lower()
        if low in PRONOUNS:
            return PronounRef(PRONOUNS[low])
        if not indefinite and _DOCUMENT_LEAD.sub("", low) in document_nouns():
            # "the statement added": its issuer, named before ("a statement" is a new one)
            return PronounRef("document")
        # "a report by X", "a statement from X", "the update released by X"
        m = _DOCUMENT_BY.match(text)
        if m:
            return self.resolve(m.group(1))
        m = _X_DOCUMENT.match(text)
        if m and m.group(1)[:1].isupper():
            inner = self.resolve(m.group(1))
            if isinstance(inner, str):
                return inner
        whole = self._resolve_whole(text)
        if whole is None:
            tokens = text.split()
            for i in range(1, len(tokens)):
                if tokens[i - 1] in _LOCATIVE_PREPS:
                    break  # "officials in Kyiv": the rest is a place, not the speaker
                if all(t.islower() for t in tokens[:i]):
                    whole = self._resolve_whole(" ".join(tokens[i:]))
                    if whole is not None:
                        break
        if whole is not None:
            return whole
        return self._resolve_structured(text)

    def _paren_alias(self, inner: str) -> str:
        inner = inner.strip(" ,")
        return "" if _ACRONYM_ONLY.fullmatch(inner) else f" ({inner})"

    def _resolve_whole(self, text: str) -> str | None:
        named = self.gaz.named(text)
        if named is None and "." in text and not text.endswith("."):
            named = self.gaz.named(text + ".")  # "U.N." lost its last dot to clean_display
        if named is not None:
            return self._node(
                named.name,
                ActorKind.media_outlet if named.kind == "media_outlet" else ActorKind.organization,
                alias=text,
            )
        place = self.gaz.place(_possessive_strip(text))
        if place is not None and place[1] != "demonym":
            return self.country_node(place[0], text)
        key = name_key(text)
        if key in self.nodes and self.nodes[key].kind != ActorKind.country:
            return key
        if key in self.alias_index:
            return self.alias_index[key]
        if text in self.acronyms:
            target = self.resolve(self.acronyms[text])
            if isinstance(target, str):
                self._alias(target, text)
                return target
            return None
        if text in self.surnames:
            return self.surnames[text]
        if text in self.groups:
            return self.group_node(text, None, text)
        return None

    def _resolve_structured(self, text: str) -> str | None:
        if _UPPER_ACRONYM.fullmatch(text) and self.gaz.place(text) is None:
            return self._node(text, ActorKind.organization)  # an unknown acronym: "the ISPR"
        tokens = text.split()
        if (
            _INSTITUTION_NAME.fullmatch(text)
            and not any(t.lower() in ROLE_WORDS or t.lower() in _STATE_BODIES for t in tokens)
            and not any(t.endswith(("'s", "’s")) for t in tokens)
            and not self.gaz.place_regex.match(text)
        ):
            # "Assistance Association for Political Prisoners", "Committee to Protect
            # Journalists": capitalised words joined by of/for/to, no title among them
            return self._node(clean_display(text), ActorKind.organization)
        # 1. trailing person name
        name_tokens: list[str] = []
        for tok in reversed(tokens):
            bare = tok.rstrip(",.")
            if self._name_like(bare):
                name_tokens.insert(0, bare)
                continue
            if bare.lower() in _NAME_PARTICLES and name_tokens:
                name_tokens.insert(0, bare)
                continue
            break
        while name_tokens and name_tokens[0].lower() in _NAME_PARTICLES:
            name_tokens.pop(0)
        pre = " ".join(tokens[: len(tokens) - len(name_tokens)]) if name_tokens else text
        if name_tokens and len(tokens) > len(name_tokens) + 1:
            glue = tokens[len(tokens) - len(name_tokens) - 1]
            before = tokens[len(tokens) - len(name_tokens) - 2]
            if glue in {"for", "of", "on"} and before[:1].isupper():
                # "Syrian Observatory for Human Rights": an institution, not a person
                first = len(tokens) - len(name_tokens) - 2
                while first > 0 and tokens[first - 1][:1].isupper():
                    first -= 1
                org = clean_display(" ".join(tokens[first:]))
                return self._node(org, ActorKind.organization)
        # named media/organisation with a suffix word: "Islamabad Post", "Geo News"
        cap_run = self._capitalised_run(tokens)
        if cap_run and len(cap_run) >= 2:
            last = cap_run[-1].lower()
            if last in MEDIA_SUFFIXES and name_key(" ".join(cap_run)) not in ORG_HEADS:
                run = " ".join(cap_run)
                return self._node(run, ActorKind.media_outlet)
        if len(name_tokens) >= 2 or (len(name_tokens) == 1 and name_tokens[0] in self.surnames):
            if len(name_tokens) == 1:
                person = self.surnames[name_tokens[0]]
            else:
                full = " ".join(name_tokens)
                existing = self._person_by_name(full)
                person = existing or self._node(full, ActorKind.person)
                if name_tokens[-1] not in self.surnames:
                    self.surnames[name_tokens[-1]] = person
                    self._generation += 1
                self._alias(person, name_tokens[-1])
            pre = _TRAILING_TITLES.sub("", " " + pre).strip()
            if pre.strip():
                parent = self._resolve_role_phrase(pre)
                if parent is not None and parent != person and self.nodes[person].parent is None:
                    self.nodes[person].parent = parent
            return person
        # 2. institutions, officials, groups, countries
        key = self._resolve_role_phrase(text)
        if key is None and cap_run and len(cap_run) >= 2 and cap_run[-1].lower() in ORG_SUFFIXES:
            key = self._node(" ".join(cap_run), ActorKind.organization)
        if key is None:
            key = self._resolve_generic(text)
        return key

    # --- generic speaker noun phrases ------------------------------------------------------------
    def _resolve_generic(self, text: str) -> str | None:
        """A speaker phrase built on a common head the lexicons do not name.

        "Brazil's civil defence agency", "local health authorities", "the White Helmets civil
        defence group", "doctors at the Nasser hospital", "officials in Kyiv", "the ministry".
        """
        t = _GENERIC_DET.sub("", straighten(text).strip(" ,"))
        place_key: str | None = None
        pm = _GENERIC_POST.match(t)
        if pm is not None:
            t = pm.group(1)
            hit = self._place_in(pm.group(2))
            if hit is not None:
                place_key = self.country_node(hit)
        if not t:
            return None
        side_key: str | None = None
        surface = ""
        rest = t
        if self.gaz.place_regex.match(t):
            side_key, _country, rest, surface = self._leading_side(t)
            if side_key is None:
                rest = t
        words = rest.split()
        if not words or len(words) > 7:
            return None
        head = words[-1].lower().rstrip(".,")
        if head not in GENERIC_HEADS:
            return None
        caps: list[str] = []
        i = 0
        while i < len(words) - 1 and words[i][:1].isupper():
            caps.append(words[i])
            i += 1
        mods = [w.lower() for w in words[i:-1]]
        if any(not _GENERIC_MOD.fullmatch(w) or w in _GENERIC_STOP for w in mods):
            return None
        if any(not w[:1].isupper() for w in words[:i]):
            return None
        if place_key is None and side_key is None and not caps:
            if pm is None and not mods:
                prior = self._recent_with_head(head)
                if prior is not None:
                    return prior
            elif pm is None and head in _AMBIENT_HEADS:
                prior = self._recent_with_head(" ".join([*mods, head]))
                if prior is not None:
                    return prior
        if (
            place_key is None
            and side_key is None
            and not caps
            and set(mods) <= {"military", "interim", "federal", "national", "central"}
            and pm is None
            and self.home is not None
            and head in ORG_HEADS
            and ORG_HEADS[head][1] in (ActorKind.military, ActorKind.government)
        ):
            # a bare "the army" in a story about one country's fighting is that country's
            home = self.gaz.countries[self.home]
            return self._institution(self.country_node(home), home, head, head)
        kind = GENERIC_HEADS[head]
        cue = set(mods) | {w.lower() for w in caps}
        if kind == ActorKind.organization and cue & _ARMED_CUES:
            kind = ActorKind.armed_group
        if caps and head in _NAMED_HEAD_DESCRIPTORS and not (side_key or place_key):
            # "the White Helmets civil defence group": the name is the capitalised run
            name = " ".join(caps)
            if self.gaz.place(name) is None:
                return self._node(name, kind, alias=clean_display(t))
        if (
            caps
            and len(caps) <= 3
            and not (side_key or place_key)
            and head in _PERSONISH_HEADS
            and all(self._name_like(w) or (w.isupper() and w.isalpha()) for w in caps)
        ):
            # "a Hezbollah commander", "Taliban officials": people of a named body
            body = self._node(" ".join(caps), ActorKind.organization)
            name = clean_display(" ".join([*caps, *mods, words[-1].rstrip(".,")]))
            return self._node(name, kind, parent=body)
        parent = side_key or place_key
        label_key = side_key or (place_key if kind != ActorKind.organization else None)
        label = self._side_label(label_key) if label_key is not None else ""
        phrase = (
            " ".join([*caps, *mods, words[-1].rstrip(".,")])
            if caps
            else " ".join([*mods, words[-1].rstrip(".,")])
        )
        name = clean_display(f"{label} {phrase}".strip())
        if caps and not side_key:
            name = clean_display(" ".join([*caps, *mods, words[-1].rstrip(".,")]))
        alias = clean_display(t) if surface else None
        key = self._node(name, kind, parent=parent, alias=alias)
        if self.nodes[key].parent is None:
            self.vague.add(key)
        return key

    def _place_in(self, text: str) -> Country | None:
        t = _LEADING_ARTICLE.sub("", text.strip(" ,"))
        hit = self.gaz.place(_possessive_strip(t))
        if hit is not None:
            return hit[0]
        m = self.gaz.place_regex.search(t)
        if m is not None:
            hit = self.gaz.place(_possessive_strip(m.group()))
            if hit is not None:
                return hit[0]
        return None

    def _recent_with_head(self, head: str) -> str | None:
        """The latest actor of the article whose name ends with ``head`` ("the ministry")."""
        canon = ORG_HEADS.get(head, (head, ActorKind.other))[0].lower()
        for key in reversed(list(self.nodes)):
            node = self.nodes[key]
            if node.kind in (ActorKind.country, ActorKind.person):
                continue
            low = node.name.lower()
            if low.endswith(" " + head) or low == head or (canon != head and canon in low):
                return key
            if head == "ministry" and "ministry" in low:
                return key
        if head in {"group", "organisation", "organization"}:
            # "..., according to the Shan Relief Committee, a local aid group. ..., the
            # group said": the latest organisation of the article
            for key in reversed(list(self.nodes)):
                if self.nodes[key].kind in (ActorKind.organization, ActorKind.armed_group):
                    return key
        return None

    def guess_named(self, text: str) -> str | None:
        """A capitalised name or acronym directly before a reporting verb ("Hamas said")."""
        t = _GENERIC_DET.sub("", straighten(text).strip(" ,"))
        words = t.split()
        if not words or len(words) > 5:
            return None
        descr: list[str] = []
        while words and words[0][:1].islower():
            descr.append(words.pop(0).lower())
        if not words or not all(_NAME_TOKEN.fullmatch(w) for w in words):
            return None
        name = " ".join(words)
        low = name.lower()
        if len(words) == 1 and (low in NON_NAME_WORDS or low in PRONOUNS):
            return None
        if self.gaz.place(_possessive_strip(name)) is not None:
            return None
        if words[-1].lower() not in ORG_SUFFIXES and any(
            w.lower() in NON_NAME_WORDS and w.lower() not in _NAME_GLUE for w in words
        ):
            return None
        cue = set(descr)
        if cue & _ARMED_CUES or words[-1].lower() in {"rebels", "militants", "militia"}:
            kind = ActorKind.armed_group
        elif cue & _MEDIA_CUES or words[-1].lower() in MEDIA_SUFFIXES:
            kind = ActorKind.media_outlet
        elif cue & {"ministry", "agency", "government", "authority"}:
            kind = ActorKind.government
        elif words[-1].lower() in {"army", "forces", "brigade", "battalion", "corps"}:
            kind = ActorKind.military
        else:
            kind = ActorKind.organization
        return self._node(name, kind)

    def _person_by_name(self, full: str) -> str | None:
        key = name_key(full)
        if key in self.nodes and self.nodes[key].kind == ActorKind.person:
            return key
        return None

    def _capitalised_run(self, tokens: list[str]) -> list[str]:
        run: list[str] = []
        for tok in reversed(tokens):
            bare = tok.rstrip(",.")
            if bare[:1].isupper() and bare.lower() not in {"the", "a", "an"}:
                run.insert(0, bare)
            else:
                break
        return run

    def _name_like(self, tok: str) -> bool:
        particle, dash, rest = tok.partition("-")
        if dash and particle in _NAME_PARTICLES and rest[:1].isupper():
            tok = rest  # "al-Tayeb", "el-Amin": a surname behind its particle
        if not tok or not tok[0].isupper() or any(ch.isdigit() for ch in tok):
            return False
        low = tok.lower().rstrip(".")
        if low in NON_NAME_WORDS or tok.lower() in TITLE_TOKENS or low in person_roles():
            return False
        if any(part in ROLE_WORDS or part in TITLE_TOKENS for part in low.split("-")):
            return False
        if tok.endswith("'s") or tok.endswith("s'"):
            return False
        if self.gaz.place(tok) is not None or self.gaz.named(tok) is not None:
            return False
        if tok in self.groups or tok in self.acronyms:
            return False
        if tok.isupper() and len(tok) > 1 and "." not in tok:
            return False
        return not (len(tok) <= 3 and tok.endswith("."))

    def _resolve_role_phrase(self, text: str) -> str | None:
        """Resolve "<side> <institution> [role]" phrases and bare sides/groups."""
        t = _LEADING_ARTICLE.sub("", text.strip(" ,"))
        t = _LEADING_TENURE.sub("", t)
        if not t:
            return None
        # "spokesperson for Afghanistan's Ministry of Defense", "wing of the Pakistan Armed Forces"
        m = _ROLE_OF.match(t)
        if m:
            return self._resolve_role_phrase(m.group(1))
        side_key, side_country, rest, _surface = self._leading_side(t)
        rest_low = rest.lower().strip()
        rest_low = _POSSESSIVE_S.sub("", rest_low)
        om = _OFFICIALS.match(rest_low)
        if om:
            return self._officials(side_key, side_country, rest_low, om)
        # drop trailing role words ("spokesman", "foreign minister")
        words = rest_low.split()
        had_role = bool(words) and words[-1] in ROLE_WORDS
        role_words = 0  # trailing title words: "spokesman Brigadier General"
        while words and (
            words[-1] in ROLE_WORDS
            or words[-1] in {"chief", "deputy"}
            or words[-1].rstrip(".") in _TITLE_ABBREVIATIONS
        ):
            words.pop()
            role_words += 1
        while words and words[0] in {"chief", "deputy", "top", "senior", "de", "facto"}:
            words.pop(0)
        head_phrase = " ".join(words)
        if side_key is None and not head_phrase:
            return None
        if not head_phrase:
            return side_key
        if head_phrase in ORG_HEADS and side_key is not None:
            return self._institution(side_key, side_country, head_phrase, rest)
        # Ministry of X / X Ministry
        mm = _MINISTRY.fullmatch(head_phrase)
        if mm and side_key is not None:
            topic = (mm.group(1) or mm.group(2)).title()
            return self._node(
                f"{self._side_label(side_key)} Ministry of {topic}",
                ActorKind.government,
                parent=side_key,
                alias=text,
            )
        if had_role and side_key is not None:
            return side_key
        cap_rest = rest.strip().split()
        if (
            side_key is not None
            and cap_rest
            and len(cap_rest) <= 5
            and all(w[:1].isupper() for w in cap_rest)
            and cap_rest[-1].lower() in ORG_SUFFIXES
        ):
            # a named body of a country: "the U.S. Geological Survey", "Pakistan Red Crescent
            # Society"; it speaks for itself, under its country
            return self._node(clean_display(t), ActorKind.organization, parent=side_key)
        if side_key is None and head_phrase in ORG_HEADS and role_words and not _UPPER.search(t):
            # "army spokesman X": the army the article has named, else its home country's
            known = self._recent_with_head(head_phrase)
            if known is not None:
                return known
            if self.home is not None and ORG_HEADS[head_phrase][1] != ActorKind.media_outlet:
                home = self.gaz.countries[self.home]
                return self._institution(self.country_node(home), home, head_phrase, head_phrase)
        if (
            side_key is None
            and _UPPER.search(t)
            and (head_phrase in ORG_HEADS or _MINISTRY_WORD.search(head_phrase))
        ):
            # "Army spokesman Brigadier General X": the article's army, when it has one
            if head_phrase in ORG_HEADS and role_words:
                known = self._recent_with_head(head_phrase)
                if known is not None:
                    return known
            # an institution of a place the gazetteer does not know: "the Gaza health ministry"
            kind = ORG_HEADS[head_phrase][1] if head_phrase in ORG_HEADS else ActorKind.government
            name = clean_display(t)
            if role_words:  # the institution, not the person's title: "Gaza police chief"
                name = clean_display(" ".join(t.split()[:-role_words]) or t)
            return self._node(name, kind)
        return side_key if head_phrase in {"side", "forces", "troops"} else None

    def _officials(
        self,
        side_key: str | None,
        side_country: Country | None,
        head_phrase: str,
        om: re.Match[str],
    ) -> str:
        mods = head_phrase[: om.start("head")].strip()
        head = om.group("head").lower()
        plural = {"official": "officials", "source": "sources"}.get(head, head)
        if side_key is not None:
            label = self._side_demonym(side_key)
            name = " ".join(x for x in (label, mods, plural) if x)
            kind = ActorKind.government if plural == "officials" else ActorKind.other
            parent: str | None = side_key
            if mods in {"military", "army"}:
                parent = self._institution(side_key, side_country, "military", "military")
            return self._node(name, kind, parent=parent)
        return self._node(" ".join(x for x in (mods, plural) if x), ActorKind.other)

    def _side_label(self, side_key: str) -> str:
        node = self.nodes[side_key]
        return node.country or node.name

    def _side_demonym(self, side_key: str) -> str:
        node = self.nodes[side_key]
        if node.country:
            return self.gaz.countries[node.country].demonym
        return node.name

    def _institution(
        self, side_key: str, side_country: Country | None, head_phrase: str, surface: str
    ) -> str:
        head, kind = ORG_HEADS[head_phrase]
        node = self.nodes[side_key]
        if node.kind in (ActorKind.government, ActorKind.armed_group) and head == "government":
            # "Taliban government", "Taliban administration": the group itself.
            self._alias(side_key, f"{node.name} {head_phrase}")
            return side_key
        country_key = self.root(side_key) if node.kind != ActorKind.country else side_key
        base = self.nodes[country_key].country if country_key else None
        label = base or node.name
        parent: str | None
        if head.startswith("Ministry") or head in {"executive office", "embassy", "parliament"}:
            name = f"{label} {head}"
            parent = side_key
        elif head == "media":
            demonym = self.gaz.countries[base].demonym if base else label
            name = f"{demonym} {head_phrase}"
            parent = country_key
        else:
            name = f"{label} {head}"
            parent = country_key
        alias = surface if surface.lower() != head_phrase else None
        return self._node(
            name,
            kind,
            parent=parent,
            alias=(f"{node.name} {surface}" if alias and not surface[:1].isupper() else alias),
        )

    def _leading_side(self, t: str) -> tuple[str | None, Country | None, str, str]:
        """Split a leading side reference ("Pakistani", "Afghanistan's", "Taliban-run")."""
        m = self.gaz.place_regex.match(t)
        if m:
            surface = _possessive_strip(m.group())
            hit = self.gaz.place(surface)
            if hit is not None:
                rest = t[m.end() :].lstrip()
                gm = _GROUP_AFTER_PLACE.match(rest)
                if gm and gm.group(1) in self.groups:
                    key = self.group_node(gm.group(1), hit[0], f"{surface} {gm.group(1)}")
                    return key, hit[0], rest[gm.end() :].lstrip(), surface
                return self.country_node(hit[0], surface), hit[0], rest, surface
        gm = _GROUP_LEADING.match(t)
        if gm and gm.group(1) in self.groups:
            return self.group_node(gm.group(1), None, gm.group(1)), None, t[gm.end() :].lstrip(), ""
        for acr in self.acronyms:
            if t.startswith(acr + " ") or t == acr:
                target = self.resolve(self.acronyms[acr])
                if isinstance(target, str):
                    return target, None, t[len(acr) :].lstrip(), acr
        om = _OWNER_LEADING.match(t) or _ACRONYM_LEADING.match(t)
        if om:
            word, rest = om.group(1), om.group(2)
            words = rest.lower().split()
            while words and words[0] in _ROLE_QUALIFIERS:
                words.pop(0)
            if (
                words
                and words[0] in ROLE_WORDS
                and word.lower() not in ORG_HEADS
                and (self._name_like(word) or (word.isupper() and word.isalpha()))
            ):
                return self._node(word, ActorKind.organization), None, rest, word
        return None, None, t, ""

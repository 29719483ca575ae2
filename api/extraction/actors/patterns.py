"""Regular expressions of the actor recogniser (compiled once: they run for every
candidate phrase of every sentence)."""

from __future__ import annotations

import re

from ..lexicon import calendar, person_roles
from .words import GOVERNING

#: Plural collective speakers: "<side> security officials", "local officials".
OFFICIALS = re.compile(
    r"(?:(?P<mod>security|military|government|intelligence|local|provincial|district|police|"
    r"health|hospital|border|senior|top|defen[cs]e|foreign ministry|rescue|tribal|"
    r"administration|army|state|federal|regional|municipal|emergency|airport)\s+)*"
    r"(?P<head>officials|official|sources|source|spokespeople|representatives|diplomats|"
    r"residents|witnesses|elders|commanders|leaders)$",
    re.IGNORECASE,
)


#: A name introduced as armed: "the paramilitary Rapid Support Forces", "rebel group M23".
ARMED_NAME = re.compile(
    r"\b(?:paramilitary|militant|rebel|insurgent|jihadist|separatist|armed|militia)"
    r"(?:\s+(?:group|force|forces|movement|organi[sz]ation|faction|coalition|alliance))?"
    r"\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,5})"
)
#: ... or with the cue after it: "the Kivu Patriotic Front rebel group", "M23 rebels".
ARMED_NAME_AFTER = re.compile(
    r"\b((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)(?:\s+\([A-Z]{2,6}\))?\s+"
    r"(?:rebel|rebels|militia|militias|militants|insurgents|insurgent|armed\s+group|"
    r"paramilitaries|guerrillas|guerrilla)\b"
)
#: A wire dateline: "BANGKOK, Aug 12 (Reuters) -", "GOMA, Congo (AP) —".
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,?[^\n]{0,40}?\((?:Reuters|AP|AFP|dpa|Xinhua)\)\s*[-—–]")
LEDE_END = re.compile(r"[.!?](?:\s|$)")
BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b")
#: All-capital tokens that may be initialisms ("RSF", "ISPR"); "U.S." has dots.
INITIALISM = re.compile(r"\b[A-Z]{2,6}\b")
#: Runs of capitalised words, with the small words names contain ("Forces of the Sea").
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][a-z]+){1,6}\b")
ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*,?\s*\)")
ACRONYM_HEAD = re.compile(
    r"((?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|the|de|al)\s+)?){0,6}[A-Z][\w'.-]*)\s*$"
)

# Patterns of the resolution helpers below, compiled once (they run for every candidate
# phrase of every sentence).
PREFIXED_GROUP = re.compile(
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s)?\s+([A-Z][a-z]{2,})\b(?!\s+[A-Z])"
)
LEARN_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
GOVERNING_GROUP = re.compile(
    rf"\b([A-Z][a-z]{{2,}})(?:'s)?(?:\s+|-){GOVERNING}\b|"
    # "Taliban-run defense ministry", "Hamas-run Gaza"; not "Hamas-led militants"
    rf"\b([A-Z][a-z]{{2,}})-(?:run|led|ruled|controlled)\s+"
    rf"(?:{GOVERNING}\b|(?:\w+\s+)?(?:ministry|government|police)\b|[A-Z])|"
    rf"\b([A-Z][a-z]{{2,}})\s+(?:came|come|returned|return|rose|seized)\s+(?:to\s+)?power\b|"
    rf"\b([A-Z][a-z]{{2,}})\s+takeover\b|\bfall\s+of\s+\w+\s+to\s+(?:the\s+)?([A-Z][a-z]{{2,}})"
)
#: Every match of GOVERNING_GROUP contains one of these (case-sensitive) substrings.
APPOSITION = re.compile(r"^(?P<head>.+?\([^)]*\))\s*,?\s+(?P<app>(?:the|a|an)\s+.+)$")
PAREN = re.compile(r"\s*\(([^)]*)\)")
#: A stock ticker after a company's name, "(OSE: ACME)": the name's acronym "(ACME)".
TICKER = re.compile(r"\((?:[A-Z]{2,6}(?:\s*[:-]\s*|\s+))([A-Z][A-Z0-9]{1,7})\)")
LEADING_CONJ = re.compile(r"^(?:and|but|also|then|so|while|however|meanwhile|now)\s+", re.I)
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
INDEFINITE = re.compile(r"^(?:a|an|another|one)\s", re.I)
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:not|never|yet|already|just|long|repeatedly|strongly|categorically|flatly|"
    r"immediately|had|has|have|was|is|were|are|also|previously|reportedly|later|earlier|"
    r"subsequently|then|again|further|officially|publicly|separately|initially|would|"
    r"will|did|does|do|had also|has also|itself|themselves|himself|herself))+$",
    re.I,
)
DOCUMENT_BY = re.compile(
    r"^(?:(?:joint|brief|short|written|new|latest|separate|official|unofficial|updated|revised|provisional|preliminary|final|partial|daily|morning|evening|afternoon|nightly|weekly|the|an?)\s+)*"
    r"(?:report|statement|update|release|press release|post|tweet|message|notification|"
    r"communique|bulletin|note|letter|readout|announcement|briefing|analysis|"
    r"assessment|study|survey|data|figures|count|tally|estimate|estimates|result)s?\s+"
    r"(?:\w+\s+){0,2}?(?:by|from|of|issued by|released by|published by|posted by)\s+(.+)$",
    re.I,
)
X_DOCUMENT = re.compile(
    r"^(.+?)\s+(?:report|statement|update|release|post|tweet|message|notification|"
    r"communique|bulletin|readout|announcement|briefing|assessment|study)"
    r"(?:\s+(?:this|last|on|in)\s+\w+)?$"
)
#: A person named with a title of one office holder ("Sheriff Denise Obuya").
TITLED_NAME = re.compile(
    r"\b(?:"
    + "|".join(sorted((r.capitalize() for r in person_roles()), key=len, reverse=True))
    + r")\s+[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|(?:al|el|de|van|von|bin)-?[A-Z][\w'’-]+)){1,2}\b"
)
#: A time after the speaker, before its verb ("the RSF on Saturday denied"): not its name.
TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:on|late|early|late\s+on|early\s+on|last|this|earlier|later|overnight)"
    r"(?:\s+(?:" + "|".join(calendar().weekdays) + r"|" + "|".join(calendar().months) + r")"
    r"(?:\s+\d{1,2})?(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:today|yesterday|tonight)))+$",
    re.I,
)
#: A clock time after a speaker phrase: "the clerk's office shortly after 10 p.m".
TRAILING_CLOCK = re.compile(
    r",?\s+(?:(?:shortly|soon|just|late|early)\s+)?(?:after|before|at|around|by)\s+"
    r"(?:\d{1,2}(?:[:.]\d{2})?(?:\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|local\s+time))?|noon|midnight|"
    r"dawn|dusk)\.?$",
    re.I,
)
#: Words before a document noun that name no issuer ("the same statement", "its release").
DOCUMENT_LEAD = re.compile(
    r"^(?:(?:the|its|their|his|her|this|that|same|joint|written|latest|later|earlier|"
    r"official|brief|short|new|separate|evening|morning|daily)\s+)+"
)
ACRONYM_ONLY = re.compile(r"[A-Z][A-Za-z]{1,7}")
UPPER_ACRONYM = re.compile(r"[A-Z]{2,8}")
TRAILING_TITLES = re.compile(r"(?:\s+(?:[A-Z][a-z]{0,3}\.|[A-Z][a-z]{0,3}\.-[A-Z][a-z]{0,3}\.))+$")
LEADING_TENURE = re.compile(
    r"^(?:former|then|acting|current|outgoing|incoming|senior|top)\s+", re.I
)
ROLE_OF = re.compile(
    r"^(?:[\w'-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|wing|arm|branch|"
    r"office|minister|head|chief|member|leader|representative|envoy|ambassador|"
    r"commander|official|secretary|director|adviser|advisor|unit|department)\s+"
    r"(?:of|for|at|to|in)\s+(.+)$",
    re.I,
)
#: The role before a body it speaks for ("spokesman of", "spokeswoman for").
ROLE_FOR_BODY = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|officials|representative|head|chief)\s+(?:of|for)\s+$",
    re.I,
)
#: A body named as a department of its field ("Department of Social Welfare and
#: Development", "Office for National Statistics"): the whole is its name.
NAMED_DEPARTMENT = re.compile(
    r"(?:Department|Office|Bureau|Directorate|Secretariat)\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:(?:and|&|of|for|the)\s+)?[A-Z][\w'’-]+)*"
)
POSSESSIVE_S = re.compile(r"'s\b")
MINISTRY = re.compile(r"(?:ministry of (?:the )?([\w ]+)|([\w]+(?: affairs)?) ministry)")
UPPER = re.compile(r"[A-Z]")
MINISTRY_WORD = re.compile(r"\bministry\b")
GROUP_AFTER_PLACE = re.compile(r"([A-Z][a-z]{2,})(?:'s)?\b")
GROUP_LEADING = re.compile(r"([A-Z][a-z]{2,})(?:'s|-run|-led|-ruled)?\b")
#: "Hamas's spokesman", "the RSF's commander": an organisation the text does not otherwise
#: introduce, named as the body a person speaks for.
OWNER_LEADING = re.compile(r"([A-Z][A-Za-z-]{1,})(?:'s|’s)\s+(\S.*)$")
#: Abbreviated titles, with or without their dot ("Lt Col", "Lt. Col.").
#: "SES Deputy Commissioner Karen Doyle": an acronym the article does not spell out.
ACRONYM_LEADING = re.compile(r"([A-Z]{2,6})\s+(\S.*)$")
#: A name of capitalised words joined by small words ("Committee to Protect Journalists").
INSTITUTION_NAME = re.compile(
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
    r"(?:\s+(?:for|of|to|on)(?:\s+the)?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)+"
)
#: A minister named by the ministry's portfolio, without a name: "Minister of Health".
MINISTER_OF = re.compile(
    r"(?:(?:Deputy|Vice|Acting)\s+)?Minister\s+((?:of|for)(?:\s+[A-Z][\w'’.-]*)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|and|of|for|the|&))*)"
)
#: Generic heads that are people speaking for a body ("a Hezbollah commander").
GENERIC_DET = re.compile(
    r"^(?:(?:the|a|an|some|several|many|other|both|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|at\s+least|more\s+than|its|their|his|her|the\s+country's|the\s+city's|"
    r"the\s+region's|the\s+state's)\s+)+",
    re.I,
)
GENERIC_POST = re.compile(r"^(.+?)\s+(?:in|at|from|of|for)\s+(?:the\s+)?(.{2,60})$")
GENERIC_MOD = re.compile(r"[a-z][a-z'’-]*")
NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|al|bin|of|for|and)")
#: "the service's spokesman", "the union's president": a body named by its common noun.
BODY_POSSESSIVE = re.compile(r"([a-z][\w-]*)(?:'s|’s)\s+\S")
#: A body's press or information office: "the press centre of the State Committee".
SUB_BODY_OF = re.compile(
    r"((?:press|media|information|public\s+relations)\s+"
    r"(?:centre|center|service|office|department|bureau|unit))\s+(?:of|for|at)\s+(.+)$",
    re.I,
)
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

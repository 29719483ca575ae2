"""The actor registry of one article: phrase resolution to nodes."""

from __future__ import annotations

from ..lexicon import document_nouns
from ..textutil import clean_display, name_key, straighten
from ..types import ActorKind
from .generic import GenericPhrases
from .nodes import PronounRef, possessive_strip
from .patterns import (
    ACRONYM,
    ACRONYM_HEAD,
    ACRONYM_ONLY,
    APPOSITION,
    DOCUMENT_BY,
    DOCUMENT_LEAD,
    INDEFINITE,
    INSTITUTION_NAME,
    LEADING_ARTICLE,
    LEADING_CONJ,
    MINISTER_OF,
    PAREN,
    SUB_BODY_OF,
    TICKER,
    TRAILING_ADVERBS,
    TRAILING_CLOCK,
    TRAILING_TIME,
    TRAILING_TITLES,
    UPPER_ACRONYM,
    X_DOCUMENT,
)
from .words import (
    FOREIGN_NAME_GLUE,
    FOREIGN_ORG_HEADS,
    LOCATIVE_PREPS,
    MEDIA_SUFFIXES,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_SUFFIXES,
    PRONOUNS,
    ROLE_WORDS,
    STATE_BODIES,
)


class ActorRegistry(GenericPhrases):
    """Actors of one article.

    The registry keeps mutable nodes while an article is processed (aliases accumulate as
    the article is read) and freezes them into :class:`~api.extraction.types.ActorRef` at
    the end.
    """

    def resolve(self, phrase: str) -> str | PronounRef | None:
        """Resolve an actor phrase ("Pakistani military spokesman Lt. Gen. X") to a node key."""
        holder = self.role_holder(phrase)
        if holder is not None:
            return holder
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
        text = TICKER.sub(r"(\1)", clean_display(straighten(phrase)))
        app = APPOSITION.match(text)
        if app is not None:
            head_key = self.resolve(app.group("head"))
            if isinstance(head_key, str):
                parent = self._resolve_role_phrase(app.group("app"))
                node = self.nodes[head_key]
                if parent is not None and parent != head_key and node.parent is None:
                    node.parent = parent
                return head_key
        acr = ACRONYM.search(text)
        before = text[: acr.start()] if acr is not None else ""
        text = PAREN.sub(lambda m: self._paren_alias(m.group(1)), text)
        if acr is not None:
            key = self._resolve_text(text.strip(" ,"))
            if isinstance(key, str):
                owner = self._acronym_owner(before, key)
                self._alias(owner, acr.group(1))
                self.acronyms.setdefault(acr.group(1), self.nodes[owner].name)
            return key
        key = self._resolve_text(text)
        if isinstance(key, str):
            self._alias_surface(key, text)
        return key

    def _acronym_owner(self, before: str, key: str) -> str:
        """Whose acronym "(MJR)" is: the name right before it ("fighters of the Movement
        for Justice and Renewal (MJR)": the Movement's, not the fighters'), whose people
        the phrase then names."""
        head = ACRONYM_HEAD.search(before)
        if head is None or len(head.group(1).split()) < 2:
            return key
        name = head.group(1).strip()
        if name_key(name) == key or name_key(before.strip()) == name_key(name):
            return key
        owner = self._resolve_text(name)
        if not isinstance(owner, str) or owner == key:
            return key
        node = self.nodes[key]
        if node.parent is None and node.kind not in (ActorKind.person, ActorKind.country):
            node.parent = owner
        return owner

    def _alias_surface(self, key: str, text: str) -> None:
        """Keep "Chad's army" as a name of the node it resolved to ("Chad military") when
        the place it names is the one the node belongs to: the text calls the body so.
        Bare common nouns ("the army") are never kept: they name a different body in
        another article."""
        node = self.nodes[key]
        if node.kind in (ActorKind.person, ActorKind.country, ActorKind.media_outlet):
            return
        t = TRAILING_ADVERBS.sub("", LEADING_ARTICLE.sub("", LEADING_CONJ.sub("", text)))
        t = t.strip(" ,")
        words = t.split()
        if not 2 <= len(words) <= 5 or any(w.lower() in ROLE_WORDS for w in words):
            return
        m = self.gaz.place_regex.match(t)
        if m is None:
            return
        hit = self.gaz.place(possessive_strip(m.group()))
        if hit is None or name_key(hit[0].name) not in self.chain(key):
            return
        if name_key(t) != key:
            self._alias(key, t)

    def _resolve_text(self, text: str) -> str | PronounRef | None:
        text = LEADING_CONJ.sub("", text)
        indefinite = INDEFINITE.match(text) is not None
        definite = text[:4].lower() == "the "
        text = LEADING_ARTICLE.sub("", text)
        text = TRAILING_ADVERBS.sub("", TRAILING_TIME.sub("", TRAILING_CLOCK.sub("", text)))
        text = text.strip(" ,")
        if not text or len(text) > 160:
            return None
        low = text.lower()
        if low in PRONOUNS:
            return PronounRef(PRONOUNS[low])
        if not indefinite and DOCUMENT_LEAD.sub("", low) in document_nouns():
            # "the statement added": its issuer, named before ("a statement" is a new one)
            return PronounRef("document")
        # "a report by X", "a statement from X", "the update released by X"
        m = DOCUMENT_BY.match(text)
        if m:
            return self.resolve(m.group(1))
        m = X_DOCUMENT.match(text)
        if m and m.group(1)[:1].isupper():
            inner = self.resolve(m.group(1))
            if isinstance(inner, str):
                return inner
        if SUB_BODY_OF.match(text):
            # "the press centre of the committee": a part of the body, speaking for it
            part = self._resolve_role_phrase(text)
            if part is not None:
                return part
        whole = self._resolve_whole(text)
        if whole is None:
            tokens = text.split()
            for i in range(1, len(tokens)):
                if tokens[i - 1] in LOCATIVE_PREPS:
                    break  # "officials in Kyiv": the rest is a place, not the speaker
                if all(t.islower() for t in tokens[:i]):
                    whole = self._resolve_whole(" ".join(tokens[i:]))
                    if whole is not None:
                        break
        if whole is not None:
            return whole
        return self._resolve_structured(text, definite)

    def _paren_alias(self, inner: str) -> str:
        inner = inner.strip(" ,")
        return "" if ACRONYM_ONLY.fullmatch(inner) else f" ({inner})"

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
        place = self.gaz.place(possessive_strip(text))
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

    def _resolve_structured(self, text: str, definite: bool = False) -> str | None:
        if UPPER_ACRONYM.fullmatch(text) and self.gaz.place(text) is None:
            return self._node(text, ActorKind.organization)  # an unknown acronym: "the ISPR"
        minister = MINISTER_OF.fullmatch(text)
        if minister is not None:
            # "the Minister of Energy and Oil": the ministry speaks through its minister
            ministry = self._resolve_text(f"Ministry {minister.group(1)}")
            if isinstance(ministry, str) and self.nodes[ministry].kind == ActorKind.government:
                self._alias(ministry, clean_display(text))
                return ministry
        tokens = text.split()
        owned = self._body_of_country(tokens)
        if owned is not None:
            return owned
        if self._foreign_name(tokens):
            return self._node(clean_display(text), ActorKind.organization)
        if (
            INSTITUTION_NAME.fullmatch(text)
            and not any(t.lower() in ROLE_WORDS or t.lower() in STATE_BODIES for t in tokens)
            and not any(t.endswith(("'s", "’s")) for t in tokens)
            and not self.gaz.place_regex.match(text)
        ):
            # "Assistance Association for Political Prisoners", "Committee to Protect
            # Journalists": capitalised words joined by of/for/to, no title among them
            return self._node(clean_display(text), ActorKind.organization)
        name_tokens = self._trailing_name(tokens)
        pre = " ".join(tokens[: len(tokens) - len(name_tokens)]) if name_tokens else text
        org = self._institution_before_name(tokens, name_tokens)
        if org is not None:
            return org
        # named media/organisation with a suffix word: "Islamabad Post", "Geo News"
        cap_run = self._capitalised_run(tokens)
        if cap_run and len(cap_run) >= 2:
            last = cap_run[-1].lower()
            if last in MEDIA_SUFFIXES and name_key(" ".join(cap_run)) not in ORG_HEADS:
                run = " ".join(cap_run)
                return self._node(run, ActorKind.media_outlet)
        if len(name_tokens) >= 2 or (len(name_tokens) == 1 and name_tokens[0] in self.surnames):
            return self._named_person(name_tokens, pre)
        # 2. institutions, officials, groups, countries
        key = self._resolve_role_phrase(text)
        if key is None and cap_run and len(cap_run) >= 2 and cap_run[-1].lower() in ORG_SUFFIXES:
            key = self._unit_body(tokens, cap_run)
        if key is None:
            key = self._resolve_generic(text, definite)
        return key

    def _foreign_name(self, tokens: list[str]) -> bool:
        """ "Alianza por el No", "Partido de la Gente": an organisation's name whose words
        another language joins with prepositions and articles (it starts with a word such
        names start with, has such a small word, and ends capitalised)."""
        return (
            len(tokens) >= 3
            and tokens[0].lower() in FOREIGN_ORG_HEADS
            and tokens[0][:1].isupper()
            and tokens[-1][:1].isupper()
            and any(t in FOREIGN_NAME_GLUE for t in tokens[1:-1])
            and all(t[:1].isupper() or t in FOREIGN_NAME_GLUE for t in tokens)
            and self.gaz.place(" ".join(tokens)) is None
        )

    def _trailing_name(self, tokens: list[str]) -> list[str]:
        """The person's name the phrase ends with ("... spokesman Lt. Gen. Ahmed Sharif")."""
        name_tokens: list[str] = []
        for tok in reversed(tokens):
            if tok.endswith(",") and name_tokens:
                break  # "Mayor of Westfield, Piet Hanssen": the comma ends the name
            bare = tok.rstrip(",.")
            if self._name_like(bare):
                name_tokens.insert(0, bare)
                continue
            if bare.lower() in NAME_PARTICLES and name_tokens:
                name_tokens.insert(0, bare)
                continue
            break
        while name_tokens and name_tokens[0].lower() in NAME_PARTICLES:
            name_tokens.pop(0)
        return name_tokens

    def _institution_before_name(self, tokens: list[str], name_tokens: list[str]) -> str | None:
        """ "Syrian Observatory for Human Rights": what looked like a trailing name is the end
        of an institution's name joined by for/of/on."""
        if not name_tokens or len(tokens) <= len(name_tokens) + 1:
            return None
        glue = tokens[len(tokens) - len(name_tokens) - 1]
        before = tokens[len(tokens) - len(name_tokens) - 2]
        if glue not in {"for", "of", "on"} or not before[:1].isupper():
            return None
        first = len(tokens) - len(name_tokens) - 2
        while first > 0 and tokens[first - 1][:1].isupper():
            first -= 1
        org = clean_display(" ".join(tokens[first:]))
        return self._node(org, ActorKind.organization)

    def _named_person(self, name_tokens: list[str], pre: str) -> str:
        """A person by name (or by a surname named before), linked to the body the words
        before the name speak for ("army spokesman")."""
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
        self.note_roles(person, pre)
        pre = TRAILING_TITLES.sub("", " " + pre).strip()
        if pre.strip():
            parent = self._resolve_role_phrase(pre)
            if parent is not None and parent != person and self.nodes[person].parent is None:
                self.nodes[person].parent = parent
        return person

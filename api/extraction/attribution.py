"""Attribution: who asserts what in a sentence (reporting verbs, "according to", relays)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .actors.nodes import PronounRef
from .actors.patterns import TICKER
from .actors.registry import ActorRegistry
from .bounds import MAX_CUES
from .cues import (
    _ACCORDING,
    _ACCORDING_END,
    _ACCUSED_TARGET,
    _AGENT_END,
    _APPOSITION_END,
    _APPOSITIVE,
    _ASIDE,
    _BOUNDARY,
    _BY_COUNT,
    _COORDINATED,
    _DENIED_TARGET,
    _FIGURE_REL,
    _FIGURES_SHOW,
    _FINAL_TAIL,
    _INTRO_ONLY,
    _LABEL,
    _LEADING_GERUND,
    _LEADING_RELATIVE,
    _NOUNISH_VERBS,
    _NP_AFTER_END,
    _OWN_FIGURES,
    _RECORD_VERBS,
    _RELATIVE_ROLE,
    _ROLE_WORD,
    _SPEAKS_FOR,
    _TARGET_TAIL,
    _THAT_SOON,
    _TIME_TAIL,
    _UNRESOLVED_OK,
    _VERB_ADVERB,
    _VERB_RE,
    _reports_here,
    _split_segments,
    _stance_of,
)
from .lexicon import furniture_labels, person_roles
from .types import Stance


@dataclass(slots=True)
class Attribution:
    speaker: str | PronounRef | None
    start: int  # start of the attribution (speaker or marker) in the sentence
    end: int  # end of the verb / NP
    verb: str
    content: str  # "after" | "before" | "sentence"
    stance: Stance
    target: str | None = None
    participle: bool = False
    citing: bool = False
    relay_hint: bool = False  # "as reported by X": X relays


class Attributor:
    def __init__(self, registry: ActorRegistry) -> None:
        self.reg = registry

    def _resolve_np(self, segment: str) -> str | PronounRef | None:
        seg = segment.strip()
        if not seg:
            return None
        key = self.reg.resolve(seg)
        if key is not None:
            return key
        tokens = seg.split()
        for i in range(1, min(len(tokens), 12)):
            tail = " ".join(tokens[i:])
            if not (tail[:1].isupper() or tokens[i].lower() in {"the", "a", "an"}):
                continue
            key = self.reg.resolve(tail)
            if key is not None:
                return key
        return None

    def _apply_parent(self, key: str | PronounRef | None, role_text: str) -> None:
        if not isinstance(key, str):
            return
        node = self.reg.nodes[key]
        if node.kind.value == "person":
            self.reg.note_roles(key, role_text)
        if node.parent is not None or node.kind.value != "person":
            return
        role = _SPEAKS_FOR.sub("spokesperson for ", _RELATIVE_ROLE.sub("", role_text))
        parent = self.reg._resolve_role_phrase(role.strip())
        if parent is not None and parent != key:
            node.parent = parent

    def _subject_before(self, s: str, verb_start: int) -> tuple[str | PronounRef | None, int, bool]:
        """Speaker before a finite verb. Returns (speaker, start, found_any_text)."""
        left, aside_role = self._left_of_verb(s, verb_start)
        bstart = 0
        for m in _BOUNDARY.finditer(left):
            bstart = m.end()
        window = left[bstart:]
        if not window.strip(" ,"):
            return None, verb_start, False
        segments = [(t, o) for t, o in _split_segments(window, bstart)]
        # drop empty trailing segments ("X, said")
        while segments and not segments[-1][0].strip():
            segments.pop()
        if not segments:
            return None, verb_start, False
        relative = None
        text, off = segments[-1]
        if _LEADING_GERUND.match(text) and len(segments) > 1:
            segments.pop()
            text, off = segments[-1]
        rel = _LEADING_RELATIVE.match(text)
        if rel is not None:
            inner = self._resolve_np(text[rel.end() :]) if len(text.split()) <= 6 else None
            if inner is not None:
                return inner, off + rel.end(), True
            if len(segments) > 1:
                relative = text
                segments.pop()
                text, off = segments[-1]
        if len(text.split()) > 14:
            text_tokens = text.split()
            text = " ".join(text_tokens[-8:])
            off = off + len(segments[-1][0]) - len(text)
        return self._speaker_segment(segments, text, off, relative, aside_role, verb_start)

    def _left_of_verb(self, s: str, verb_start: int) -> tuple[str, str | None]:
        """The text before the verb with its adverb and aside blanked out (offsets kept),
        and the aside's "who speaks for X" role if it has one."""
        left = s[:verb_start]
        # "Acme ASA (OSE: ACME), a supplier ..., said": the ticker's colon ends no clause
        left = TICKER.sub(lambda t: t.group(0).replace(":", " "), left)
        adverb = _VERB_ADVERB.search(left, max(0, verb_start - 40))
        if adverb is not None:
            left = left[: adverb.start()] + " " * (len(left) - adverb.start())
        aside = _ASIDE.search(left)
        aside_role = None
        if aside is not None:
            clause = left[aside.start() + 1 : aside.end()].strip(" ,")
            if _SPEAKS_FOR.match(clause):
                aside_role = clause  # "X, who speaks for the group, said": X's party
            # "An Israeli official, speaking on condition of anonymity because ..., said":
            # the aside is blanked out (offsets kept) so its "because" hides nothing
            left = left[: aside.start()] + " " * (len(left) - aside.start())
        return left, aside_role

    def _speaker_segment(
        self,
        segments: list[tuple[str, int]],
        text: str,
        off: int,
        relative: str | None,
        aside_role: str | None,
        verb_start: int,
    ) -> tuple[str | PronounRef | None, int, bool]:
        """The speaker named by the last comma segment before the verb (or, when that is
        an appositive or a role, by the segment before it)."""
        if len(segments) > 1 and _APPOSITIVE.match(text):
            # "the Syrian Observatory for Human Rights, a Britain-based war monitor, said"
            prev_text, prev_off = segments[-2]
            if len(prev_text.split()) <= 8:
                prev_key = self._resolve_np(prev_text) or self.reg.guess_named(prev_text)
                if isinstance(prev_key, str):
                    lead = len(prev_text) - len(prev_text.lstrip())
                    return prev_key, prev_off + lead, True
        key = self._resolve_np(text)
        if key is None:
            key = self.reg.guess_named(text)
        start = off + (len(text) - len(text.lstrip()))
        if (
            len(segments) > 1
            and self._is_role(text)
            and (not isinstance(key, str) or self.reg.nodes[key].kind.value != "person")
        ):
            prev_text, prev_off = segments[-2]
            prev_key = self._resolve_np(prev_text) if len(prev_text.split()) <= 6 else None
            if isinstance(prev_key, str) and self.reg.nodes[prev_key].kind.value == "person":
                self._apply_parent(prev_key, text)
                return prev_key, prev_off + (len(prev_text) - len(prev_text.lstrip())), True
        if key is None and not _UNRESOLVED_OK.match(text) and not _AGENT_END.search(text):
            return None, verb_start, False
        if isinstance(key, str):
            for role_text in (relative, aside_role):
                if role_text is not None:
                    self._apply_parent(key, role_text)
            if len(segments) > 1:
                prev_text = segments[-2][0]
                if self.reg.nodes[key].kind.value == "person":
                    self._apply_parent(key, prev_text)
                    if self.reg.nodes[key].parent is not None and self._is_role(prev_text):
                        start = segments[-2][1] + (len(prev_text) - len(prev_text.lstrip()))
        elif key is None and len(text.split()) > 5:
            return None, verb_start, False
        return key, start, True

    def _is_role(self, text: str) -> bool:
        if _ROLE_WORD.search(text):
            return True
        roles = person_roles()
        return any(w.strip(".,'’").lower().removesuffix("'s") in roles for w in text.split())

    def _np_after(self, s: str, pos: int) -> tuple[str | PronounRef | None, int]:
        rest = s[pos:]
        segs = _split_segments(rest, pos)
        if not segs:
            return None, pos
        text, off = segs[0]
        text = _NP_AFTER_END.split(text)[0]
        key = self._resolve_np(text)
        end = off + len(text)
        if isinstance(key, str) and len(segs) > 1 and self.reg.nodes[key].kind.value == "person":
            app = _APPOSITION_END.split(segs[1][0])[0]
            self._apply_parent(key, app)
        return key, end

    def find(self, s: str) -> list[Attribution]:
        out: list[Attribution] = []
        for m in islice(_VERB_RE.finditer(s), MAX_CUES):
            att = self._verb_attribution(s, m, out)
            if att is not None:
                out.append(att)
        out.extend(self._according(s))
        out.extend(self._by_count(s))
        shown = self._figures_show(s)
        if shown is not None:
            out.append(shown)
        label = self._label(s)
        if label is not None and not any(a.start < label.end for a in out):
            out.append(label)
        out.sort(key=lambda a: a.start)
        return out

    def _verb_attribution(
        self, s: str, m: re.Match[str], out: list[Attribution]
    ) -> Attribution | None:
        """The attribution the reporting verb ``m`` makes, given those found before it in
        the sentence; None when it is no reporting verb here."""
        verb = m.group(0)
        if not _reports_here(s, m, verb):
            return None
        stance = _stance_of(verb)
        participle = bool(m.group("part"))
        if participle or _COORDINATED.search(s, max(0, m.start() - 20), m.start()):
            # "..., saying ..." and "The military said ..., and denied targeting
            # civilians": the speaker of the clause before
            prev = next((a for a in reversed(out) if not a.participle and a.speaker), None)
            if prev is not None:
                return Attribution(
                    speaker=prev.speaker,
                    start=m.start(),
                    end=m.end(),
                    verb=verb,
                    content="after",
                    stance=stance,
                    target=self._target(s, m.end(), stance),
                    participle=participle,
                )
            if participle:
                return None
        rel = _FIGURE_REL.search(s, max(0, m.start() - 80), m.start())
        if rel is not None and stance != Stance.assertion:
            # "..., a figure Moscow disputes": the figure just given is what is denied
            named = self._resolve_np(rel.group("np"))
            if isinstance(named, str):
                return Attribution(named, rel.start(), m.end(), verb, "before", stance)
        return self._subject_attribution(s, m, verb, stance)

    def _subject_attribution(
        self, s: str, m: re.Match[str], verb: str, stance: Stance
    ) -> Attribution | None:
        """The speaker before the verb ("the ministry said"), else after it ("..., said the
        ministry"), and whether what it says comes after or before."""
        speaker, start, had_text = self._subject_before(s, m.start())
        if verb in _RECORD_VERBS and not isinstance(speaker, str | PronounRef):
            return None  # "damage was recorded", "what was counted": no one counting
        if verb in _NOUNISH_VERBS and not isinstance(speaker, str | PronounRef) and had_text:
            return None  # "the claims", "its reports": a noun, not a verb
        if not had_text:
            before = s[: m.start()].rstrip()
            if before.endswith((",", ",”", ',"', "”", '"')) or not before:
                speaker, end = self._np_after(s, m.end())
                if speaker is not None:
                    return Attribution(speaker, m.start(), end, verb, "before", stance)
            return None
        content = "after"
        if _TIME_TAIL.match(s[m.end() :]) or (
            s[:start].rstrip().endswith((",", ',"', ",”", ",'", ",’"))
            and not _INTRO_ONLY.match(s[:start])
            and _FINAL_TAIL.match(s[m.end() :])
            and not _THAT_SOON.match(s[m.end() :])
        ):
            content = "before"
        return Attribution(
            speaker=speaker,
            start=start,
            end=m.end(),
            verb=verb,
            content=content,
            stance=stance,
            target=self._target(s, m.end(), stance),
        )

    def _figures_show(self, s: str) -> Attribution | None:
        """ "..., the sheriff's office figures show": the body whose figures they are says
        what comes before (or after, at the head of the sentence)."""
        m = _FIGURES_SHOW.search(s)
        if m is None:
            return None
        np = m.group("np")
        for i in range(min(len(np.split()), 5)):
            tail = " ".join(np.split()[i:])
            speaker = self._resolve_np(tail)
            if isinstance(speaker, str):
                rest = s[m.end() :]
                ends = _TIME_TAIL.match(rest) or rest.lstrip().startswith(";")
                content = "before" if ends else "after"
                return Attribution(
                    speaker, m.start("np"), m.end(), "show", content, Stance.assertion
                )
        return None

    def _according(self, s: str) -> list[Attribution]:
        """ "according to X", "citing X", "as reported by X": X is the source."""
        out: list[Attribution] = []
        for m in islice(_ACCORDING.finditer(s), MAX_CUES):
            segs = _split_segments(s[m.end() :], m.end())
            text = segs[0][0]
            text = _ACCORDING_END.split(text)[0]
            speaker = self._resolve_np(text)
            own = _OWN_FIGURES.search(text)
            if speaker is None and own is not None and own.start() > 0:
                speaker = self._resolve_np(text[: own.start()])  # "according to SNP figures"
            if speaker is None or (isinstance(speaker, PronounRef) and speaker.kind != "document"):
                continue  # "according to the communiqué": its issuer, the last speaker
            marker = m.group(0).lower()
            out.append(
                Attribution(
                    speaker=speaker,
                    start=m.start(),
                    end=m.end() + len(text),
                    verb=marker.strip(),
                    content="sentence",
                    stance=Stance.assertion,
                    citing=marker.startswith(("citing", "quoting")),
                    relay_hint=marker.startswith("as "),
                )
            )
        return out

    def _by_count(self, s: str) -> list[Attribution]:
        """ "By Kyiv's count, 98 drones were downed": the body whose reckoning frames the
        sentence is its source."""
        out: list[Attribution] = []
        for m in islice(_BY_COUNT.finditer(s), MAX_CUES):
            speaker = self._resolve_np(m.group("np"))
            if not isinstance(speaker, str):
                continue
            out.append(
                Attribution(
                    speaker=speaker,
                    start=m.start(),
                    end=m.end(),
                    verb=m.group(0).split()[0].lower(),
                    content="sentence",
                    stance=Stance.assertion,
                )
            )
        return out

    def _label(self, s: str) -> Attribution | None:
        """ "Police: 300 arrested": the actor a short label before a colon names."""
        m = _LABEL.match(s)
        if m is None:
            return None
        label = m.group("label").strip()
        if len(label.split()) > 6 or label.lower() in furniture_labels():
            return None
        if label.isupper() and s.upper() == s:
            speaker = self._capitals_label(label)  # "CHOLERA HELL: 9 MORE DEAD"
        else:
            speaker = self._resolve_np(label)
        if not isinstance(speaker, str):
            return None
        start = m.start("label")
        return Attribution(speaker, start, m.end(), ":", "after", Stance.assertion)

    def _capitals_label(self, label: str) -> str | PronounRef | None:
        """The speaker a label of a line set in capitals names. Its case says nothing, so
        it is read in lower case ("POLICE", "HEALTH MINISTRY"), or as an acronym or name
        the article or the gazetteer knows ("UNHCR"); never as a name of its own ("FERRY
        HORROR")."""
        if label in self.reg.acronyms or self.reg.gaz.named(label) is not None:
            return self._resolve_np(label)
        return self.reg.resolve("the " + label.lower()) or self.reg.resolve(label.capitalize())

    def _target(self, s: str, pos: int, stance: Stance) -> str | None:
        if stance == Stance.assertion:
            return None
        rest = s[pos:]
        if stance == Stance.accusation:
            m = _ACCUSED_TARGET.match(rest)
        else:
            m = _DENIED_TARGET.match(rest)
        if m is None:
            return None
        np = m.group(1)
        np = _TARGET_TAIL.sub("", np)
        key = self._resolve_np(np)
        return key if isinstance(key, str) else None

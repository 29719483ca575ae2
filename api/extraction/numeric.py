"""Numeric claims: each figure of a sentence, what it counts, its measure, who says it and
whose it is."""

from __future__ import annotations

import re
from dataclasses import replace

from .addresses import is_age, is_house_number, is_phone_number
from .attribution import Attribution
from .bounds import figure_text
from .changes import TIME_NOUNS, change_cue, refers_back
from .drafts import DraftClaim, LazyTimes, Reading
from .estimates import estimated_noun, number_of
from .measures import (
    LIGHT_NOUNS,
    MEASURE_ADJECTIVES,
    MEASURE_DEFAULT_NOUNS,
    MEASURE_NOUNS,
    PERSON_CATEGORIES,
    measure_after,
    measure_before,
    measure_in_clause,
    verb_before,
)
from .parameters import is_parameter
from .quantities import MAGNITUDE_VAGUE, QuantityMatch, find_quantities
from .references import back_reference, compared, verb_of_the_part
from .sentences import Sentence
from .sides import SideRules, is_agentive
from .subjects import SubjectParse, parse_subject
from .textutil import collapse_ws
from .timerefs import nearest
from .types import Qualifier, Quantity, Stance
from .units import by_name, to_base
from .zeros import counted_zero

_LIST_CUE = re.compile(r"\bincluding\b|\bamong them\b")
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_DISTANCE_AFTER = re.compile(r"\s*(?:away\s+)?(?:from|away|off|inside|into|of)\b")
_LINEAR_THING = re.compile(
    r"\b(border|frontier|boundary|road|highway|pipeline|railway|wall|fence|river|"
    r"coastline|corridor|tunnel|line|convoy|zone)\b"
)
_LOST = re.compile(r"\blos[ti]|\blos(?:e|ing)")
#: Counted nouns that are a speaker's sources, not a claim ("citing two security sources").
_SOURCE_NOUNS = frozenset(
    {"source", "official", "witness", "diplomat", "doctor", "resident", "person", "officer"}
)
_CITING_BEFORE = re.compile(
    r"\b(?:citing|quoting|according\s+to|spoke\s+to|interviewed|told\s+by)\s+(?:at\s+least\s+)?$",
    re.I,
)
_SPEAKING_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:who\s+|have\s+|had\s+|also\s+)?(?:said|say|says|told|tell|"
    r"spoke|speaking|reported|confirmed|described|familiar|with\s+knowledge|briefed)\b",
    re.I,
)
#: An auxiliary between the noun and a measure verb after it: a finite clause ("were
#: killed"), not a participle modifying the noun ("drones launched").
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|had|has|have|having|got|get)\b")
#: "put the figure at", "estimated the number at": a figure for the claim just made.
_FIGURE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating|gave|gives|"
    r"set|sets|setting)\s+(?:the|its|their|that|this|his|her)\s+(?:own\s+)?"
    r"(?:figure|number|count|total|estimate|tally|crowd|turnout|attendance)\s+at\s+$|"
    r"\b(?:bringing|brought|bring|brings|taking|took|raising|raised|pushing|pushed)\s+"
    r"(?:the|its|their)\s+(?:overall\s+|total\s+|cumulative\s+)?"
    r"(?:total|tally|count|number|toll)\s+(?:to|above|past)\s+$",
    re.I,
)
#: Measures whose counted people, when the phrase names none, are people.
_PEOPLE_MEASURES = frozenset(
    {
        "killed",
        "wounded",
        "casualties",
        "missing",
        "displaced",
        "arrested",
        "abducted",
        "rescued",
        "charged",
        "released",
    }
)
_Carry = tuple[str | None, str | None]
#: Measures of people whose own noun may be what is counted ("the crowd", "attendance").
_CROWD_MEASURES = frozenset({"attended", *_PEOPLE_MEASURES})
#: A list's figure with its noun elided: after a comma, "and", "including", "of which" ...
_ELLIPSIS_BEFORE = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+|\bincluding\s+|\bof\s+(?:which|whom)\s+|"
    r"\bamong\s+them\s+)$",
    re.I,
)
#: ... and before where or whose they are ("11 over the coast", "6.7 million with X").
_ELLIPSIS_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:over|in|from|at|with|on|across|near|inside|among)\s+(?:the\s+)?[A-Za-z]"
)


class NumericClaims(SideRules):
    """The numeric claims of a sentence."""

    def _numeric_claims(
        self,
        sent: Sentence,
        atts: list[Attribution],
        carry: tuple[str | None, str | None] | None,
        times: LazyTimes,
    ) -> list[tuple[Attribution | None, DraftClaim]]:
        s = sent.text
        out: list[tuple[Attribution | None, DraftClaim]] = []
        prev: DraftClaim | None = None
        prev_end = 0
        self._counted = self._counted_before(sent)
        for q in find_quantities(figure_text(s), self.countries):
            if q.is_vague and q.vague_word not in MAGNITUDE_VAGUE:
                continue
            changed = self._changed(s, q, prev)
            if q.unit is None and changed is None and back_reference(s, q):
                continue
            if q.unit is None and is_house_number(s, q.end):
                continue  # "47 Mill Lane": an address
            if is_parameter(s, q):
                continue  # "a 30 km buffer", "the 50 percent he needs": a rule, no fact
            if q.unit is None and (is_phone_number(s, q.start, q.end) or is_age(s, q.start)):
                continue  # "call 80 00 11 22", "a man of 44": not a count
            subj = parse_subject(s, q.end)
            if changed is not None:
                q, subj = self._as_changed(q, subj, changed)
            if (
                q.unit is None
                and subj.category in _SOURCE_NOUNS
                and (
                    _CITING_BEFORE.search(s, max(0, q.start - 30), q.start)
                    or _SPEAKING_AFTER.match(s, subj.end)
                )
            ):
                continue  # the sources a speaker cites are not a count of anything
            between = s[prev_end : q.start]
            in_list = prev is not None and bool(
                _LIST_CUE.search(between) or _LIST_JOIN.fullmatch(between)
            )
            whole = prev or self._whole_before(sent, subj)
            said = carry
            if whole is not prev and whole is not None and carry is None and not atts:
                said = (whole.claimant, whole.relay)  # the part is its whole's speaker's
            claim = self._build(sent, q, subj, atts, said, prev if in_list else None, whole, times)
            if claim is None:
                continue
            att, c = claim
            out.append((att, c))
            if c.quantity is not None and c.quantity.unit is None and c.subject is not None:
                self._counted = c
            prev = c
            prev_end = max(q.end, subj.end)
        return out

    def _whole_before(self, sent: Sentence, subj: SubjectParse) -> DraftClaim | None:
        """The figure of the sentence before that a part opening this one is of ("23 were
        arrested. Nine of them were charged", "27 were hurt. Three of the injured are
        children"), else None."""
        if not (subj.others or subj.part_of) or not self.state.claims:
            return None
        last = self.state.claims[-1]
        return last if last.sentence == sent.index - 1 and last.quantity is not None else None

    def _changed(self, s: str, q: QuantityMatch, prev: DraftClaim | None) -> DraftClaim | None:
        """The claim whose count the bare figure ``q`` changes ("up from 15", "fell to 38
        from 161", "raised it to 11,800"), else None."""
        cue = None if q.zero or q.is_vague else change_cue(s, q.start)
        if cue is None:
            return None
        ref = prev
        if ref is None and self.state.claims and refers_back(s, cue, q.start):
            ref = self.state.claims[-1]  # "... 9,500 hectares. Later it raised it to 11,800"
        if ref is None or ref.quantity is None or ref.measure is None:
            return None
        if ref.quantity.unit is None and q.lower is not None and not float(q.lower).is_integer():
            return None  # "up from 18.60": a count of things is a whole number
        return ref

    def _as_changed(
        self, q: QuantityMatch, subj: SubjectParse, ref: DraftClaim
    ) -> tuple[QuantityMatch, SubjectParse]:
        """The figure in the unit of the count it changes, and nothing counted after it but
        time words ("23 the day before")."""
        head = subj.surface.split()[-1].lower() if subj.surface else ""
        if head in TIME_NOUNS:
            subj = SubjectParse(None, None, (), None, q.end, empty=True)
        if q.unit is None and ref.quantity is not None and ref.quantity.unit and subj.empty:
            q = replace(q, unit=by_name(ref.quantity.unit))
        return q, subj

    def _build(
        self,
        sent: Sentence,
        q: QuantityMatch,
        subj: SubjectParse,
        atts: list[Attribution],
        carry: _Carry | None,
        prev: DraftClaim | None,
        prev_any: DraftClaim | None,
        times: LazyTimes,
    ) -> tuple[Attribution | None, DraftClaim] | None:
        r = self._reading(sent.text, q, subj, prev, prev_any)
        if r is None:
            return None
        said = self._attribute(sent, q, r.end, atts, carry)
        if said is None:
            return None
        att, claimant, relay, carried = said
        side, state_other = self._counted_side(sent.text, q, subj, r, claimant, prev_any)
        claim = self._draft(sent, q, r, att, claimant, relay, side, times)
        claim.confidence = _confidence(q, r, claimant, carried, side)
        claim.opponent = state_other
        return att, claim

    def _reading(
        self,
        s: str,
        q: QuantityMatch,
        subj: SubjectParse,
        prev: DraftClaim | None,
        prev_any: DraftClaim | None,
    ) -> Reading | None:
        """What the figure counts and its measure; None when it is not a claim."""
        if q.repeats:  # "struck twice", "went out 23 times": times the verb happened
            hit = verb_before(s, q.start)
            start = q.start if hit is None else hit.start
            return Reading(start, q.end, hit.measure if hit else "count", "times", None, hit)
        r = Reading(q.start, max(q.end, subj.end), None, subj.category, subj.surface)
        if subj.others and prev_any is not None:
            r.category, r.surface = prev_any.subject, prev_any.subject_text
        elif subj.others and subj.surface is None:
            r.category = "people"  # "11 remain in hospital", with nothing counted before
        self._measure_word(s, q, subj, r)
        if verb_of_the_part(s, q, subj, r):
            r.measure, r.hit = None, None
        if q.zero and r.measure in (None, "count") and not counted_zero(s, q, subj):
            return None  # "no evidence", "no comment": a zero counts a measure or a thing
        if q.zero and r.category is None and subj.surface is None:
            r.category = "people"  # "No one was hurt", "nobody died"
        self._restated(s, q, subj, r, prev, prev_any)
        self._compared(s, q, subj, r)
        if r.category is None and subj.possessive is not None:
            r.category = (
                "combatants" if r.measure in {"killed", "wounded", "casualties"} else "people"
            )
        if r.category is None and r.measure in _PEOPLE_MEASURES and subj.empty:
            r.category = "people"
        if r.category in LIGHT_NOUNS or (r.category is None and r.measure is None):
            return None
        if r.category is None and q.unit is None:
            return None
        if r.measure is None and subj.surface and r.category in PERSON_CATEGORIES:
            # "11 fallen heroes": an adjective of the counted phrase names the measure
            r.measure = MEASURE_ADJECTIVES.get(subj.surface.split()[0].lower())
        if r.measure is None and subj.surface:
            r.measure = MEASURE_DEFAULT_NOUNS.get(subj.surface.split()[-1].lower())
        if r.measure is None:
            r.measure = "count"
        if (
            r.measure == "killed"
            and r.category not in PERSON_CATEGORIES
            and r.category is not None
            and _LOST.search(s[max(0, r.start - 12) : r.end].lower())
        ):
            r.measure = "lost"
        return r

    def _measure_word(self, s: str, q: QuantityMatch, subj: SubjectParse, r: Reading) -> None:
        """The measure the counted noun, the unit or a measure verb names."""
        if subj.part_of is not None:
            r.measure = subj.part_of  # "five of the dead were children": killed
            own = None if subj.predicate else measure_after(s, subj.end)
            if own is not None:  # "four of the wounded died": the part's own verb
                r.hit, r.measure, r.end = own, own.measure, max(r.end, own.end)
            return
        head = subj.surface.split()[-1].lower() if subj.surface else ""
        if head in MEASURE_NOUNS:
            # "27 deaths", "1,151 cases", "2,318 votes": the noun names the measure
            r.measure = MEASURE_NOUNS[head]
            if r.measure == "killed" and r.category in {"dead", "death", "fatality"}:
                r.category = "people"
        if q.unit is not None:
            dim = q.unit.dimension
            if dim == "length":
                r.measure = "distance" if _DISTANCE_AFTER.match(s[q.end :]) else "length"
            else:
                r.measure = {"ratio": "percent", "currency": "amount"}.get(dim, dim)
            if r.category is None:
                back = _LINEAR_THING.findall(s[: q.start].lower())
                if back:
                    r.category = back[-1]
        if r.measure is not None:
            return
        hit = measure_after(s, r.end)
        if hit is None:
            hit = measure_before(s, q.start)
        elif not _AUXILIARY.search(s, r.end, hit.start):
            # "downed 37 of 48 drones launched overnight": the verb right before the
            # number, not a participle after the noun
            before = measure_before(s, q.start)
            if before is not None and not s[before.end : q.start].strip(' "“'):
                hit = before
        if hit is None and q.zero:
            hit = measure_in_clause(s, r.end)
        if hit is not None:
            r.hit, r.measure = hit, hit.measure
            r.start, r.end = min(r.start, hit.start), max(r.end, hit.end)
        elif subj.among is not None:
            r.measure = subj.among

    def _restated(
        self,
        s: str,
        q: QuantityMatch,
        subj: SubjectParse,
        r: Reading,
        prev: DraftClaim | None,
        prev_any: DraftClaim | None,
    ) -> None:
        """A figure that names no counted noun: the new value of "the number of X", the
        figure of the claim just made ("put the figure at 23"), an estimated noun ("put the
        crowd at 32,000"), a list's measure."""
        if (subj.predicate or subj.others) and r.measure is None and prev_any is not None:
            r.measure = prev_any.measure  # "20 were hurt; seven of them were children"
        if subj.empty and (renewed := number_of(s, q.start)) is not None:
            # "bringing the number of dead soldiers to two", "the number of missing rose to 5"
            named, measure, at = renewed
            if named is not None:
                r.category, r.surface = named.category, named.surface
            elif measure is not None:
                r.category = "people" if measure in _PEOPLE_MEASURES else r.category
            r.measure = measure or r.measure
            r.start = min(r.start, at)
        if r.measure is None and subj.empty:
            # "..., but Pakistan put the figure at 23": the figure of the claim just made
            fig = _FIGURE_AT.search(s, max(0, q.start - 60), q.start)
            ref = prev_any or (self.state.claims[-1] if self.state.claims else None)
            if fig is not None and ref is not None and ref.measure is not None:
                r.measure = ref.measure
                r.category, r.surface = ref.subject, ref.subject_text
                r.inherited_side = ref.side
                r.start = min(r.start, fig.start())
        if r.measure is None and subj.empty and (ref := self._changed(s, q, prev_any)):
            # "down from 3,800 at the peak": the count of the figure it changes
            r.measure, r.category, r.surface = ref.measure, ref.subject, ref.subject_text
            r.inherited_side = ref.side
            cue = change_cue(s, q.start)
            r.start = r.start if cue is None else min(r.start, cue)
        if r.measure is None and subj.empty and (est := estimated_noun(s, q.start)) is not None:
            # "police put the crowd at 32,000": the crowd is what the figure counts
            counted, r.measure, at = est
            r.category, r.surface, r.start = counted.category, counted.surface, min(r.start, at)
            head = (counted.surface or "").split()[-1:]
            if head and MEASURE_NOUNS.get(head[0].lower()) == r.measure in _CROWD_MEASURES:
                r.category = "people"  # "put the crowd at 32,000": 32,000 people attended
        if r.measure is None and prev is not None and prev.measure not in (None, "count"):
            r.measure = prev.measure
        if subj.empty and r.category is None and prev_any is not None and r.measure is not None:
            r.category, r.surface = prev_any.subject, prev_any.subject_text
        if (
            r.category is None
            and q.unit is None
            and prev_any is not None
            and prev_any.quantity is not None
            and _ELLIPSIS_AFTER.match(s, q.end)
            and _ELLIPSIS_BEFORE.search(s, max(0, q.start - 25), q.start)
        ):
            # "29 drones were destroyed over the north, 11 over the coast": the noun elided
            r.measure = r.measure or prev_any.measure
            r.category, r.surface = prev_any.subject, prev_any.subject_text

    #: the last figure of a counted noun, in this sentence or the one before
    _counted: DraftClaim | None = None

    def _counted_before(self, sent: Sentence) -> DraftClaim | None:
        """The previous sentence's last figure of a counted noun (not a measurement)."""
        for c in reversed(self.state.claims[-4:]):
            if c.sentence != sent.index - 1:
                return None
            if c.quantity is not None and c.quantity.unit is None and c.subject is not None:
                return c
        return None

    def _compared(self, s: str, q: QuantityMatch, subj: SubjectParse, r: Reading) -> None:
        """A bare figure set against one just given takes its noun (see :func:`compared`)."""
        ref = self._counted
        if ref is not None and compared(s, q, subj, r):
            r.measure, r.category, r.surface = ref.measure, ref.subject, ref.subject_text

    def _attribute(
        self,
        sent: Sentence,
        q: QuantityMatch,
        end: int,
        atts: list[Attribution],
        carry: _Carry | None,
    ) -> tuple[Attribution | None, str | None, str | None, bool] | None:
        """(attribution, claimant, relay, carried from before); None when the parse drops
        the figure."""
        att, claimant, relay = self._choose(atts, q.start, end)
        carried = False
        if att is None and carry is not None:
            claimant, relay = carry
            carried = True
        if q.attributive:
            att, claimant, relay = None, None, None
        elif self.syntax is not None:  # the parser backend: who said it, from the parse
            said = self.syntax.decide(
                sent, q.start, end, claimant, relay, self._speaker, self._is_media
            )
            if said.drop:
                return None
            claimant, relay = said.claimant, said.relay
        return att, claimant, relay, carried

    def _draft(
        self,
        sent: Sentence,
        q: QuantityMatch,
        r: Reading,
        att: Attribution | None,
        claimant: str | None,
        relay: str | None,
        side: str | None,
        times: LazyTimes,
    ) -> DraftClaim:
        s = sent.text
        start, end = self._trim(sent, r.start, r.end)
        return DraftClaim(
            statement=collapse_ws(s),
            start=sent.start + start,
            end=sent.start + end,
            sentence=sent.index,
            stance=att.stance if att is not None else Stance.assertion,
            claimant=claimant,
            relay=relay,
            measure=r.measure,
            subject=r.category,
            subject_text=collapse_ws(r.surface) if r.surface else None,
            side=side,
            target=att.target if att is not None else None,
            quantity=_quantity(q),
            time=nearest(times.get(), q.start, end),
            agentive=is_agentive(s, q, r),
        )

    def _trim(self, sent: Sentence, start: int, end: int) -> tuple[int, int]:
        s = sent.text
        while end > start and s[end - 1] in " ,;:-–—(":
            end -= 1
        while start < end and s[start] in " ,;:":
            start += 1
        if s.count("(", start, end) > s.count(")", start, end):
            close = s.find(")", end)
            if close != -1 and close - end < 40:
                end = close + 1
        return start, end


def _quantity(q: QuantityMatch) -> Quantity:
    return Quantity(
        text=q.text,
        qualifier=q.qualifier,
        lower=q.lower,
        upper=q.upper,
        strict_lower=q.strict_lower,
        strict_upper=q.strict_upper,
        unit=q.unit.symbol if q.unit else None,
        base_unit=q.unit.base if q.unit else None,
        base_lower=to_base(q.lower, q.unit),
        base_upper=to_base(q.upper, q.unit),
    )


def _confidence(
    q: QuantityMatch, r: Reading, claimant: str | None, carried: bool, side: str | None
) -> float:
    conf = 0.4
    if claimant is not None:
        conf += 0.1 if carried else 0.2
    if r.measure not in (None, "count"):
        conf += 0.15
    if r.category is not None:
        conf += 0.1
    if side is not None:
        conf += 0.05
    if q.qualifier == Qualifier.vague:
        conf -= 0.1
    return max(0.05, min(0.95, conf))

"""A development set of wire-service and newspaper sentences outside the seed articles.

Each case names one number in the text and what the pipeline must say about it: who claims
it (a case-insensitive substring of the claimant's name, aliases or parents), its qualifier
and measure, optionally the side of the counted people/things, the stance and the relaying
outlet. ``absent`` lists numbers that must not become claims (the sources an outlet cites).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from api.extraction.types import ActorRef, ExtractedClaim, Qualifier, Stance

from .conftest import run


@dataclass(frozen=True)
class Case:
    text: str
    value: float
    claimant: str | None
    qualifier: Qualifier
    measure: str
    side: str | None = None
    stance: Stance = Stance.assertion
    relay: str | None = None
    absent: tuple[float, ...] = field(default_factory=tuple)


E, AL, MT, AP = Qualifier.exact, Qualifier.at_least, Qualifier.more_than, Qualifier.approximately

CASES: list[Case] = [
    Case(
        "Brazil's civil defence agency said at least 12 people were killed.",
        12,
        "civil defence agency",
        AL,
        "killed",
    ),
    Case(
        "At least 40 people were killed and dozens injured when a bus plunged into a ravine, "
        "police said on Tuesday.",
        40,
        "police",
        AL,
        "killed",
    ),
    Case(
        "The Health Ministry in Gaza said 27 Palestinians were killed in Israeli strikes "
        "overnight.",
        27,
        "health ministry",
        E,
        "killed",
        side="Palestine",
    ),
    Case(
        "Hamas said Israeli strikes killed 19 people, but Israel said it targeted militants.",
        19,
        "hamas",
        E,
        "killed",
    ),
    Case(
        "The RSF said in a statement that its forces had seized two army bases on the outskirts "
        "of the city and that 12 of its fighters were killed.",
        12,
        "rsf",
        E,
        "killed",
    ),
    Case(
        "The RSF said in a statement that its forces had seized two army bases on the outskirts "
        "of the city and that 12 of its fighters were killed.",
        2,
        "rsf",
        E,
        "captured",
    ),
    Case(
        "KYIV, July 9 (Reuters) - Russia launched 728 drones and 13 missiles at Ukraine "
        "overnight, the Ukrainian air force said on Wednesday, the largest aerial attack of the "
        "war so far.",
        728,
        "air force",
        E,
        "launched",
    ),
    Case(
        "Russia launched 728 drones and 13 missiles at Ukraine overnight, the Ukrainian air force "
        "said on Wednesday, the largest aerial attack of the war so far.",
        13,
        "ukraine",
        E,
        "launched",
    ),
    Case(
        "In Syria, the health ministry said 812 people had died in government-held areas, while "
        "the White Helmets civil defence group said at least 1,020 were killed in the rebel-held "
        "northwest.",
        812,
        "health ministry",
        E,
        "killed",
    ),
    Case(
        "In Syria, the health ministry said 812 people had died in government-held areas, while "
        "the White Helmets civil defence group said at least 1,020 were killed in the rebel-held "
        "northwest.",
        1020,
        "white helmets",
        AL,
        "killed",
    ),
    Case(
        "The death toll has risen to 73, the ministry said on Sunday.", 73, "ministry", E, "killed"
    ),
    Case(
        "Local authorities reported that nearly 5,000 hectares had burned.",
        5000,
        "local authorities",
        AP,
        "area",
    ),
    Case(
        "The ministry denied reports that 200 prisoners had escaped.",
        200,
        "ministry",
        E,
        "count",
        stance=Stance.denial,
    ),
    Case(
        "The rebels claimed to have shot down two government helicopters, a claim the army denied.",
        2,
        "rebels",
        E,
        "destroyed",
    ),
    Case(
        "Reuters reported, citing two security sources, that 15 militants were killed.",
        15,
        "security sources",
        E,
        "killed",
        relay="Reuters",
        absent=(2,),
    ),
    Case(
        "Three soldiers were wounded, the Indian Army said in a statement.",
        3,
        "india",
        E,
        "wounded",
        side="India",
    ),
    Case(
        "KHARTOUM (Reuters) - Sudan's paramilitary Rapid Support Forces killed at least 30 "
        "civilians in an attack on a village in North Darfur, a local rights group said on "
        "Sunday.",
        30,
        "rights group",
        AL,
        "killed",
    ),
    Case(
        "GAZA (Reuters) - Israeli air strikes killed at least 25 Palestinians across the Gaza "
        "Strip on Tuesday, local health authorities said.",
        25,
        "health authorities",
        AL,
        "killed",
        side="Palestine",
    ),
    Case(
        "The death toll stood at 112, according to the national disaster agency.",
        112,
        "disaster agency",
        E,
        "killed",
    ),
    Case(
        "According to the United Nations, more than 1.5 million people have been displaced by "
        "the fighting.",
        1_500_000,
        "united nations",
        MT,
        "displaced",
    ),
    Case(
        "Police said they had arrested 23 people in connection with the attack.",
        23,
        "police",
        E,
        "arrested",
    ),
    Case(
        "Doctors at the Nasser hospital said 14 people, including six children, were killed.",
        14,
        "doctors",
        E,
        "killed",
    ),
    Case(
        "Doctors at the Nasser hospital said 14 people, including six children, were killed.",
        6,
        "doctors",
        E,
        "killed",
    ),
    Case(
        "The number of dead has risen to 1,651, Turkey's disaster management agency said.",
        1651,
        "disaster management agency",
        E,
        "killed",
    ),
    Case(
        "Ukraine's air force said it had shot down 40 of the drones.",
        40,
        "air force",
        E,
        "destroyed",
    ),
    Case(
        "An Israeli military spokesperson said troops had killed about 20 militants in the raid.",
        20,
        "israel",
        AP,
        "killed",
    ),
    Case(
        "Two soldiers were killed and five wounded in the attack, the army said.",
        2,
        "army",
        E,
        "killed",
    ),
    Case(
        "Two soldiers were killed and five wounded in the attack, the army said.",
        5,
        "army",
        E,
        "wounded",
    ),
    Case(
        "The Pakistani army said four soldiers were killed in an exchange of fire.",
        4,
        "pakistan",
        E,
        "killed",
        side="Pakistan",
    ),
    Case(
        "MOGADISHU (AP) — At least eight people died when a suicide bomber struck a busy market, "
        "a police officer told The Associated Press.",
        8,
        "police",
        AL,
        "killed",
    ),
    Case(
        "Houthi rebels said they had targeted three ships in the Red Sea.",
        3,
        "houthi",
        E,
        "struck",
    ),
    Case(
        "Nearly 300 people have been arrested since the protests began, the rights group HRANA "
        "said.",
        300,
        "hrana",
        AP,
        "arrested",
    ),
    Case(
        "The government said 16 people were killed, but opposition activists put the toll at "
        "more than 100.",
        16,
        "government",
        E,
        "killed",
    ),
    Case(
        "The government said 16 people were killed, but opposition activists put the toll at "
        "more than 100.",
        100,
        "activists",
        MT,
        "killed",
    ),
    Case(
        "Israel's military said it had struck more than 150 targets across Gaza overnight.",
        150,
        "israel",
        MT,
        "struck",
    ),
    Case(
        "Officials in Gaza said at least 45 people were killed.",
        45,
        "officials",
        AL,
        "killed",
    ),
    Case(
        "The World Health Organization said 1,200 cases of cholera had been recorded.",
        1200,
        "world health organization",
        E,
        "count",
    ),
    Case(
        "BEIRUT (Reuters) - An Israeli strike on a car in southern Lebanon killed two people on "
        "Friday, Lebanon's health ministry said.",
        2,
        "lebanon",
        E,
        "killed",
    ),
    Case("Iran's judiciary said 29 people had been executed.", 29, "judiciary", E, "killed"),
    Case(
        "Protesters said security forces fired on crowds, killing at least 15 people, a claim "
        "the government denied.",
        15,
        "protesters",
        AL,
        "killed",
    ),
    Case(
        "The Kremlin denied that 5,000 Russian troops had been deployed to the border.",
        5000,
        "kremlin",
        E,
        "deployed",
        side="Russia",
        stance=Stance.denial,
    ),
    Case(
        "Al Jazeera, citing medical sources, reported that 11 people were killed in the strike.",
        11,
        "medical sources",
        E,
        "killed",
        relay="Al Jazeera",
    ),
    Case(
        "At least 17 people were killed in the blast, Iraqi security sources said.",
        17,
        "security sources",
        AL,
        "killed",
    ),
    Case(
        "PARIS (AFP) - French authorities have evacuated more than 3,000 people from the path of "
        "the wildfire, the interior ministry said.",
        3000,
        "interior",
        MT,
        "displaced",
    ),
    Case(
        "In a statement, the Myanmar military said 22 of its soldiers were killed.",
        22,
        "myanmar",
        E,
        "killed",
        side="Myanmar",
    ),
    Case(
        "Twelve migrants drowned off the Libyan coast, the International Organization for "
        "Migration said.",
        12,
        "organization for migration",
        E,
        "killed",
    ),
    Case(
        "The ministry said 4,000 homes had been destroyed and 12,000 people displaced.",
        12000,
        "ministry",
        E,
        "displaced",
    ),
    Case(
        "Militants killed six policemen in an ambush, a provincial official said on condition "
        "of anonymity.",
        6,
        "provincial official",
        E,
        "killed",
    ),
    Case(
        "The U.N. said on Thursday that about 150,000 people had fled their homes.",
        150_000,
        "united nations",
        AP,
        "displaced",
    ),
    Case(
        "More than 60 Ukrainians were killed, officials in Kyiv said.",
        60,
        "officials",
        MT,
        "killed",
        side="Ukraine",
    ),
    Case(
        "Israeli officials said 1,200 Israelis were killed in the attack.",
        1200,
        "israel",
        E,
        "killed",
        side="Israel",
    ),
    Case(
        "The death toll from the earthquake rose to 2,100, the country's disaster agency said.",
        2100,
        "disaster agency",
        E,
        "killed",
    ),
    Case(
        "The Associated Press reported that Palestinian health officials said 30 people were "
        "killed.",
        30,
        "health officials",
        E,
        "killed",
        relay="Associated Press",
    ),
    Case(
        "Two witnesses told Reuters that at least 10 bodies lay in the street.",
        10,
        "witnesses",
        AL,
        "count",
        absent=(2,),
    ),
    # a named group counted as fighters is the side, whatever the article calls it
    Case(
        "An Israeli official said about 20 Hamas fighters had been killed.",
        20,
        "israeli",
        AP,
        "killed",
        side="Hamas",
    ),
    # "put the figure at": the figure of the claim just made, by another claimant
    Case(
        "The Taliban's deputy spokesman Hamdullah Fitrat said the Afghan forces had killed 58 "
        "Pakistani soldiers, but Pakistan put the figure at 23.",
        23,
        "pakistan",
        E,
        "killed",
        side="Pakistan",
    ),
    # a possessive organisation before a role is what the person speaks for
    Case(
        "The Taliban's deputy spokesman Hamdullah Fitrat said 58 Pakistani soldiers were killed.",
        58,
        "taliban",
        E,
        "killed",
        side="Pakistan",
    ),
    # losses: the subject of "lost" is whose troops are counted, not the speaker's side
    Case(
        "Ukraine says Russian forces lost 1,200 troops in a single day.",
        1200,
        "ukraine",
        E,
        "killed",
        side="Russia",
    ),
    # the fighters a party says it killed belong to the one opponent the sentence names
    Case(
        "Sudan's army said on Saturday it had repelled an attack by the paramilitary Rapid "
        "Support Forces on the city, killing more than 100 fighters. The RSF said 12 of its "
        "fighters were killed.",
        100,
        "sudan",
        MT,
        "killed",
        side="Rapid Support Forces",
    ),
    # an aside between speaker and verb, with a "because" inside it
    Case(
        "An Israeli official, speaking on condition of anonymity because he was not "
        "authorized to brief the media, said about 20 fighters had been killed.",
        20,
        "israeli",
        AP,
        "killed",
    ),
    # "another N" after a measure verb continues the count
    Case(
        "The earthquake killed 2,000 people and injured another 2,059, the ministry said.",
        2059,
        "ministry",
        E,
        "wounded",
    ),
    # "all N" is a full count, not a reference back
    Case(
        "Rebels claimed to have shot down a government helicopter, killing all 11 people on board.",
        11,
        "rebels",
        E,
        "killed",
    ),
    # a named body of a country after "according to"; "U.S." does not end the name
    Case(
        "According to the U.S. Geological Survey, the quake struck at a depth of 18.5 km.",
        18.5,
        "geological survey",
        E,
        "length",
    ),
    # an acronym the article never spells out, before a title, is the body she speaks for
    Case(
        "SES crews carried out 143 flood rescues, SES Deputy Commissioner Karen Doyle told "
        "the Advocate.",
        143,
        "ses",
        E,
        "count",
    ),
    # "the group" after an organisation introduced as "a local aid group"
    Case(
        "At least 17 people were killed, according to the Shan Relief Committee, a local aid "
        "group. Ten to 12 houses were also destroyed, the group said.",
        10,
        "shan relief committee",
        Qualifier.range,
        "destroyed",
    ),
    # "N of M drones": the verb before the number, the noun after the total
    Case(
        "Ukraine's air force said it had downed 37 of 48 drones launched overnight.",
        37,
        "ukraine",
        E,
        "destroyed",
    ),
    Case(
        "Ukraine's air force said it had downed 37 of 48 drones launched overnight.",
        48,
        "ukraine",
        E,
        "launched",
    ),
    # a rival estimate of the same count, and a running total
    Case(
        "Organisers said more than 100,000 people joined the march, while police estimated "
        "the crowd at 25,000.",
        25000,
        "police",
        E,
        "count",
    ),
    Case(
        "The ministry reported 1,482 new cholera cases in the past week, bringing the total "
        "to 34,000.",
        34000,
        "ministry",
        E,
        "count",
    ),
    # "a Hezbollah commander": a person of a named body; "our fighters" are that body's
    Case(
        '"More than 300 of our fighters have been killed since January," a Hezbollah '
        "commander told the newspaper.",
        300,
        "hezbollah",
        MT,
        "killed",
        side="Hezbollah",
    ),
    # "he said" after a speaker known only by a singular role
    Case(
        "Some 8,000 residents have fled, a local administrator told Reuters, asking not to be "
        "named. More than 1,200 tonnes of rice had been stockpiled in the town, he said.",
        1200,
        "local administrator",
        MT,
        "mass",
    ),
    # "and rejected ..." starts a new clause, not a second counted noun
    Case(
        "The Pakistani army said it killed 30 fighters and rejected reports of civilian deaths.",
        30,
        "pakistan",
        E,
        "killed",
    ),
]


def _names(ref: ActorRef | None) -> str:
    if ref is None:
        return ""
    parts: list[str] = []
    for node in ref.chain():
        parts.append(node.name)
        parts.extend(node.aliases)
    return " | ".join(parts).lower()


def _find(claims: tuple[ExtractedClaim, ...], value: float) -> ExtractedClaim | None:
    for c in claims:
        q = c.quantity
        if q is not None and (q.lower == value or q.value == value):
            return c
    return None


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c.value:g}" for i, c in enumerate(CASES)])
def test_dev_sentence(case: Case) -> None:
    res = run(case.text)
    c = _find(res.claims, case.value)
    assert c is not None, [x.evidence.quote for x in res.claims]
    assert c.quantity is not None
    if case.claimant is None:
        assert c.claimant is None
    else:
        assert case.claimant.lower() in _names(c.claimant), _names(c.claimant)
    assert c.quantity.qualifier == case.qualifier
    assert c.measure == case.measure
    assert c.stance == case.stance
    if case.side is not None:
        assert c.subject_side is not None and c.subject_side.name == case.side
    if case.relay is not None:
        assert case.relay.lower() in _names(c.relayed_by)
    for v in case.absent:
        assert _find(res.claims, v) is None, v


def test_coordinated_and_relative_denials_are_statements_of_their_speaker() -> None:
    res = run(
        "Israel's military said 12 militants were killed in the operation, and denied "
        "targeting civilians. Ukraine says Russian forces lost 1,200 troops in a single day, "
        "a figure Moscow disputes."
    )
    denials = [c for c in res.claims if c.stance == Stance.denial]
    assert [("israel" in _names(c.claimant), "russia" in _names(c.claimant)) for c in denials] == [
        (True, False),
        (False, True),
    ], [(c.evidence.quote, _names(c.claimant)) for c in denials]
    assert "denied targeting civilians" in denials[0].evidence.quote
    assert denials[1].evidence.quote.endswith("a figure Moscow disputes")


def test_a_counted_noun_phrase_stops_at_a_new_clause() -> None:
    res = run(
        "The Pakistani army said it killed 30 fighters and rejected reports of civilian deaths."
    )
    c = _find(res.claims, 30)
    assert c is not None and c.subject == "combatants", c
    assert c.evidence.quote == "killed 30 fighters"


def test_armed_group_by_initials_and_cue() -> None:
    """'the paramilitary Rapid Support Forces' ... 'The RSF said': one armed group."""
    res = run(
        "Sudan's army said it repelled an attack by the paramilitary Rapid Support Forces. "
        "The RSF said 12 of its fighters were killed."
    )
    c = _find(res.claims, 12)
    assert c is not None and c.claimant is not None
    assert c.claimant.name == "Rapid Support Forces"
    assert "RSF" in c.claimant.aliases
    assert c.claimant.kind.value == "armed_group"


def test_a_quotation_over_several_sentences_keeps_its_speaker() -> None:
    res = run(
        'FPK spokesman Bertrand Ndayisaba dismissed the account. "We lost six comrades. The '
        'army is counting ghosts," he told the BBC. "Our forces killed 40 fighters," army '
        'spokesman Jean Mbuyi told reporters in Goma. "We lost seven of our soldiers."'
    )
    six, seven = _find(res.claims, 6), _find(res.claims, 7)
    assert six is not None and "ndayisaba" in _names(six.claimant), six
    assert seven is not None and "mbuyi" in _names(seven.claimant), seven


def test_a_bare_army_is_the_army_of_the_country_the_story_is_about() -> None:
    res = run(
        "Congolese troops retook the town, the army said. Fighting has displaced thousands "
        "across Congo. Army spokesman Lt Col Jean Mbuyi said seven soldiers had died."
    )
    seven = _find(res.claims, 7)
    assert seven is not None and seven.claimant is not None
    assert "democratic republic of the congo" in _names(seven.claimant), _names(seven.claimant)
    assert seven.subject_side is not None
    assert seven.subject_side.name == "Democratic Republic of the Congo"


def test_state_assets_counted_by_rebels_are_the_states() -> None:
    res = run(
        "Myanmar's military said it repelled the attack. The Northern Shan Liberation Army "
        'said its fighters had overrun 12 army outposts and killed "at least 70 enemy '
        'soldiers".'
    )
    posts, dead = _find(res.claims, 12), _find(res.claims, 70)
    assert posts is not None and posts.subject_side is not None
    assert posts.subject_side.name == "Myanmar"
    assert dead is not None and dead.measure == "killed"
    assert dead.subject_side is not None and dead.subject_side.name == "Myanmar"


def test_a_dateline_is_not_the_time_of_a_claim() -> None:
    res = run(
        "BANGKOK, Aug 12 (Reuters) - About 40 insurgents were killed, the military said.",
    )
    forty = _find(res.claims, 40)
    assert forty is not None and forty.time is None

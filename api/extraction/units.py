"""Units of measurement: surface forms, canonical symbols and conversion to SI base units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # canonical symbol as reported ("km", "mi")
    dimension: str  # "length", "area", "mass", "volume", "speed", "ratio", "currency"
    base: str  # SI base unit symbol of the dimension ("m", "m2", "kg", "%", "USD")
    factor: float  # multiply by this to convert to ``base``


_UNITS: dict[str, Unit] = {}


def _add(forms: str, unit: Unit) -> None:
    for form in forms.split("|"):
        _UNITS[form] = unit


_add("km|kms|kilometer|kilometers|kilometre|kilometres", Unit("km", "length", "m", 1000.0))
_add("mi|mile|miles", Unit("mi", "length", "m", 1609.344))
_add("m|meter|meters|metre|metres", Unit("m", "length", "m", 1.0))
_add("cm|centimeter|centimeters|centimetre|centimetres", Unit("cm", "length", "m", 0.01))
_add("mm|millimeter|millimeters|millimetre|millimetres", Unit("mm", "length", "m", 0.001))
_add("ft|foot|feet", Unit("ft", "length", "m", 0.3048))
_add("yd|yard|yards", Unit("yd", "length", "m", 0.9144))
_add("nautical mile|nautical miles|nm", Unit("nmi", "length", "m", 1852.0))
_add("kg|kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos", Unit("kg", "mass", "kg", 1.0))
_add("g|gram|grams|gramme|grammes", Unit("g", "mass", "kg", 0.001))
_add("t|ton|tons|tonne|tonnes|metric ton|metric tons", Unit("t", "mass", "kg", 1000.0))
_add("lb|lbs|pound|pounds", Unit("lb", "mass", "kg", 0.45359237))
_add("ha|hectare|hectares", Unit("ha", "area", "m2", 10000.0))
_add("acre|acres", Unit("acre", "area", "m2", 4046.8564224))
_add(
    "km2|km²|sq km|sq. km|square km|square kms|square kilometer|square kilometers|"
    "square kilometre|square kilometres",
    Unit("km2", "area", "m2", 1e6),
)
_add("sq mi|square mile|square miles", Unit("mi2", "area", "m2", 2589988.110336))
_add(
    "m2|m²|sq m|square meter|square meters|square metre|square metres",
    Unit("m2", "area", "m2", 1.0),
)
_add("l|litre|litres|liter|liters", Unit("l", "volume", "m3", 0.001))
_add("ml|millilitre|millilitres|milliliter|milliliters", Unit("ml", "volume", "m3", 1e-6))
_add("m3|m³|cubic metre|cubic metres|cubic meter|cubic meters", Unit("m3", "volume", "m3", 1.0))
_add("percent|per cent|%|pc", Unit("%", "ratio", "%", 1.0))
_add("inch|inches", Unit("in", "length", "m", 0.0254))
_add("km/h|kph|kmh|kilometres per hour|kilometers per hour", Unit("km/h", "speed", "m/s", 1 / 3.6))
_add("mph|miles per hour", Unit("mph", "speed", "m/s", 0.44704))

_CURRENCIES = lexicon.currencies()


def currency(code: str) -> Unit:
    """The unit of an ISO currency code (each currency is its own base)."""
    return Unit(code, "currency", code, 1.0)


#: Currency signs and codes written before the number ("$", "NOK"), see
#: ``lexicon/currencies.toml``; the value is the default reading of a shared sign.
CURRENCY_PREFIXES: dict[str, Unit] = {
    **{code: currency(code) for code in _CURRENCIES.codes},
    **{sign: currency(code) for sign, code in _CURRENCIES.symbols.items()},
}
_PREFIX_FORMS = sorted(CURRENCY_PREFIXES, key=len, reverse=True)
#: A currency sign or code right before a number ("$4.5", "NOK 311", "Rs 200,000").
CURRENCY_BEFORE = (
    "(?:"
    + "|".join(("(?<![A-Za-z])" if f[0].isalpha() else "") + re.escape(f) for f in _PREFIX_FORMS)
    + ")"
)
#: A currency named after a number ("50 million soles", "2.5 billion crowns").
CURRENCY_AFTER_NUMBER = re.compile(
    r"\s+(?P<code>"
    + "|".join(
        re.escape(f)
        for f in sorted(
            {*_CURRENCIES.names, *(n for c in _CURRENCIES.by_country.values() for n in c)},
            key=len,
            reverse=True,
        )
        if f[0].isalpha() and f.split()[-1].islower()
    )
    + r"|"
    + "|".join(sorted(_CURRENCIES.codes))
    + r")\b"
)


def currency_after(form: str) -> Unit | None:
    """The default currency of a name or code written after a number."""
    if form in _CURRENCIES.codes:
        return currency(form)
    code = _CURRENCIES.names.get(form)
    return currency(code) if code is not None else None


def currency_in(form: str, countries: list[str]) -> Unit | None:
    """The currency a shared sign or name means in an article about ``countries``.

    ``countries`` are the article's countries, most mentioned first: "$" in a Chilean story
    is CLP, "Rs" in a Nepali one NPR; a sign no listed country claims keeps its default.
    """
    for country in countries:
        code = _CURRENCIES.by_country.get(country, {}).get(form)
        if code is not None:
            return currency(code)
    unit = CURRENCY_PREFIXES.get(form)
    return unit if unit is not None else currency_after(form)


def article_countries(text: str) -> list[str]:
    """The countries an article names (by name, capital or demonym), most mentioned first."""
    from .gazetteer import load  # the gazetteer imports the number helpers

    gaz = load()
    counts: dict[str, int] = {}
    for m in gaz.place_regex.finditer(text):
        form = m.group()
        for suffix in ("'s", "’s"):
            form = form.removesuffix(suffix)
        hit = gaz.place_index.get(form)
        if hit is not None:
            counts[hit[0]] = counts.get(hit[0], 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


# Longest forms first so that "square kilometers" wins over "square".
_FORMS = sorted(_UNITS, key=len, reverse=True)
_UNIT_ALT = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in _FORMS)
#: Matches a unit directly after a number: " km", "-kilometer", "-mile-long", "km".
UNIT_AFTER_NUMBER = re.compile(
    r"(?P<sep>\s*-\s*|\s+|)(?P<unit>" + _UNIT_ALT + r")(?P<long>-(?:long|wide|deep|high|tall))?"
    r"(?![\w²])",
    re.IGNORECASE,
)


def lookup(form: str) -> Unit | None:
    """The unit for a surface form (case-insensitive, whitespace-insensitive)."""
    key = re.sub(r"\s+", " ", form.strip())
    unit = _UNITS.get(key) or _UNITS.get(key.lower())
    if unit is None and key.endswith("."):
        unit = _UNITS.get(key[:-1].lower())
    return unit


def _names() -> tuple[str, ...]:
    units = [*_UNITS.values(), *CURRENCY_PREFIXES.values()]
    return tuple(sorted(set(_UNITS) | {unit.symbol for unit in units}))


NAMES: tuple[str, ...] = _names()
"""Every name an editor may give a unit: the surface forms and the canonical symbols
(``nmi``, ``mi2``, ``USD``), so a unit read from the API can be sent back as it is."""


def by_name(name: str) -> Unit | None:
    """The unit named exactly ``name`` (one of :data:`NAMES`)."""
    unit = _UNITS.get(name)
    if unit is not None:
        return unit
    for candidate in (*_UNITS.values(), *CURRENCY_PREFIXES.values()):
        if candidate.symbol == name:
            return candidate
    return None


def to_base(value: float | None, unit: Unit | None) -> float | None:
    """Convert ``value`` in ``unit`` to the dimension's base unit."""
    if value is None or unit is None:
        return value
    return value * unit.factor

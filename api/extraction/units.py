"""Units of measurement: surface forms, canonical symbols and conversion to SI base units."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # canonical symbol as reported ("km", "mi")
    dimension: str  # "length", "area", "mass", "ratio", "currency"
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
    "km2|km²|sq km|sq. km|square kilometer|square kilometers|square kilometre|square kilometres",
    Unit("km2", "area", "m2", 1e6),
)
_add("sq mi|square mile|square miles", Unit("mi2", "area", "m2", 2589988.110336))
_add(
    "m2|m²|sq m|square meter|square meters|square metre|square metres",
    Unit("m2", "area", "m2", 1.0),
)
_add("percent|per cent|%|pc", Unit("%", "ratio", "%", 1.0))

# Currency symbols written before the number.
CURRENCY_PREFIXES: dict[str, Unit] = {
    "$": Unit("USD", "currency", "USD", 1.0),
    "US$": Unit("USD", "currency", "USD", 1.0),
    "USD": Unit("USD", "currency", "USD", 1.0),
    "€": Unit("EUR", "currency", "EUR", 1.0),
    "£": Unit("GBP", "currency", "GBP", 1.0),
}

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

"""10 000 random decimals (up to 28 digits, both signs) survive plan JSON → Python → JSON.

The one representation change: the core has no negative zero, so -0.0 comes back as 0.0
(the same number)."""

from __future__ import annotations

import json
import random
from decimal import Decimal

import onpace


def random_decimal(rng: random.Random) -> str:
    digits = rng.randint(1, 28)
    mantissa = rng.randrange(10 ** (digits - 1), 10**digits) if digits > 1 else rng.randrange(0, 10)
    scale = rng.randint(0, digits)
    sign = rng.choice(["", "-"])
    text = str(mantissa).rjust(scale + 1, "0")
    return f"{sign}{text[:-scale]}.{text[-scale:]}" if scale else f"{sign}{text}"


def test_ten_thousand_decimals_round_trip() -> None:
    rng = random.Random(20261127)
    spec = json.loads(onpace.builtin_plan().indicator("rd-intensity").to_json())
    spec["components"] = None
    del spec["components"]
    for _ in range(10_000):
        text = random_decimal(rng)
        spec["baseline"]["value"] = text
        ind = onpace.Indicator.from_json(json.dumps(spec))
        assert ind.baseline[1] == Decimal(text)
        want = str(Decimal(text)).lstrip("-") if Decimal(text) == 0 else str(Decimal(text))
        assert str(ind.baseline[1]) == want
        back = json.loads(ind.to_json())["baseline"]["value"]
        assert Decimal(back) == Decimal(text) and back == want, (text, back)

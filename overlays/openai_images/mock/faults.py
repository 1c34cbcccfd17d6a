"""Fault injection for the mock server: which requests fail, and how, deterministically.

A plan is a script (the first requests get these faults, in order) and/or a rate (after the
script, each request fails with this probability, drawing the kind from ``kinds``), from a
seeded random generator: the same seed gives the same sequence. A request can also name its own
fault with the ``x-mock-fault`` header, which tests use to hit one case exactly.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

KINDS = ("429", "500", "503", "slow", "drop")
NO_FAULT = "ok"


@dataclass
class FaultPlan:
    rate: float = 0.0
    kinds: Sequence[str] = KINDS
    script: Sequence[str] = ()
    seed: int = 0
    retry_after: float = 1.0
    """Seconds a 429 asks the client to wait (sent as ``retry-after`` and ``retry-after-ms``)."""
    slow_seconds: float = 2.0
    """How long a ``slow`` answer is held back before the request is handled normally."""
    _random: random.Random = field(init=False, repr=False)
    _position: int = field(default=0, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        unknown = [kind for kind in [*self.kinds, *self.script] if kind not in (*KINDS, NO_FAULT)]
        if unknown:
            raise ValueError(f"unknown fault kinds {unknown}; known: {', '.join(KINDS)} (and {NO_FAULT})")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"the fault rate must be between 0 and 1, not {self.rate}")
        if self.rate and not self.kinds:
            raise ValueError("a fault rate needs at least one kind")
        self._random = random.Random(self.seed)

    @property
    def active(self) -> bool:
        return bool(self.rate or self.script)

    def next(self) -> str:
        """The fault for the next request: one of KINDS, or NO_FAULT."""
        with self._lock:
            position = self._position
            self._position += 1
            if position < len(self.script):
                return self.script[position]
            if self.rate and self._random.random() < self.rate:
                return self._random.choice(list(self.kinds))
            return NO_FAULT

    @classmethod
    def parse(cls, rate: float = 0.0, kinds: str = "", script: str = "", seed: int = 0, **options: float) -> FaultPlan:
        """A plan from command-line style text: kinds and script as comma-separated lists."""
        split = [item.strip() for item in kinds.split(",") if item.strip()]
        steps = [item.strip() for item in script.split(",") if item.strip()]
        return cls(rate=rate, kinds=split or KINDS, script=steps, seed=seed, **options)

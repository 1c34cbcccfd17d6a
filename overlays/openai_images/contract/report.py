"""The contract suite's verdict: counts per check, each failure with a command that reproduces it; text, JSON, JUnit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

_SHOWN_COMMAND = 1000


@dataclass(frozen=True)
class Failure:
    """One answer that broke one check."""

    check: str
    operation_id: str
    content_type: str
    kind: str
    """Which kind of drawn request met it: valid, near-miss, schema or negative."""
    expected: str
    got: str
    curl: str

    @property
    def target(self) -> str:
        return target_label(self.operation_id, self.content_type)


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0


def target_label(operation_id: str, content_type: str) -> str:
    return f"{operation_id} ({content_type})"


@dataclass
class Report:
    base_url: str
    seed: int
    max_examples: int
    models: list[str]
    checks: list[str]
    notes: list[str] = field(default_factory=list)
    """Why parts of the API were not tested (operations serving none of the claimed models)."""
    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Requests sent, by (operation and body type, kind)."""
    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)
    """check -> operation and body type -> counts, for the exchanges the check applied to."""
    failures: list[Failure] = field(default_factory=list)
    elapsed: float = 0.0

    def count(self, check: str, target: str, failure: Failure | None) -> None:
        tally = self.tallies.setdefault(check, {}).setdefault(target, Tally())
        if failure is None:
            tally.passed += 1
        else:
            tally.failed += 1
            self.failures.append(failure)

    def totals(self, check: str) -> Tally:
        tallies = self.tallies.get(check, {}).values()
        return Tally(sum(t.passed for t in tallies), sum(t.failed for t in tallies))

    @property
    def failed_checks(self) -> set[str]:
        return {failure.check for failure in self.failures}

    @property
    def ok(self) -> bool:
        """Every check held, and something was checked."""
        return not self.failures and any(self.totals(check).passed for check in self.tallies)

    # --- as text ---------------------------------------------------------------------------------------

    def summary(self, failures_per_check: int = 3) -> str:
        kinds: Counter[str] = Counter()
        for (_, kind), count in self.requests.items():
            kinds[kind] += count
        lines = [
            f"openai-images contract suite against {self.base_url}",
            f"{sum(kinds.values())} requests ({', '.join(f'{kind} {count}' for kind, count in kinds.items())})"
            f" in {self.elapsed:.1f} s, seed {self.seed}; models: {', '.join(self.models)}",
            *(f"not tested: {note}" for note in self.notes),
            "",
            f"{'check':<30}{'passed':>8}{'failed':>8}",
        ]
        for check in self.checks:
            totals = self.totals(check)
            lines.append(f"{check:<30}{totals.passed:>8}{totals.failed:>8}")
        lines.append("")
        if self.ok:
            lines.append("PASSED: every check held.")
            return "\n".join(lines)
        if not self.failures:
            lines.append("NOTHING CHECKED: no check applied to any answer.")
            return "\n".join(lines)
        for check in self.checks:
            found = [failure for failure in self.failures if failure.check == check]
            if not found:
                continue
            totals = self.totals(check)
            lines.append(f"FAILED {check}: {totals.failed} of {totals.passed + totals.failed} answers")
            for failure in found[:failures_per_check]:
                lines += _failure_lines(failure, _SHOWN_COMMAND)
            if len(found) > failures_per_check:
                lines.append(f"  ... and {len(found) - failures_per_check} more (the JSON report has them all)")
            lines.append("")
        lines.append(f"FAILED: {', '.join(check for check in self.checks if check in self.failed_checks)}")
        return "\n".join(lines)

    # --- as data ---------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "ok": self.ok,
            "seed": self.seed,
            "max_examples": self.max_examples,
            "models": self.models,
            "elapsed_seconds": round(self.elapsed, 3),
            "not_tested": self.notes,
            "requests": [
                {"target": target, "kind": kind, "count": count} for (target, kind), count in self.requests.items()
            ],
            "checks": {check: asdict(self.totals(check)) for check in self.checks},
            "failures": [{**asdict(failure), "target": failure.target} for failure in self.failures],
        }

    def junit_xml(self) -> str:
        """One test suite per check, one test case per operation and body type it applied to."""
        root = ET.Element(
            "testsuites",
            name="openai-images contract",
            tests=str(sum(len(self.tallies.get(check, {})) or 1 for check in self.checks)),
            failures=str(sum(1 for check in self.checks for t in self.tallies.get(check, {}).values() if t.failed)),
            time=f"{self.elapsed:.3f}",
        )
        for check in self.checks:
            tallies = self.tallies.get(check, {})
            suite = ET.SubElement(
                root,
                "testsuite",
                name=check,
                tests=str(len(tallies) or 1),
                failures=str(sum(1 for tally in tallies.values() if tally.failed)),
            )
            if not tallies:
                case = ET.SubElement(suite, "testcase", classname=f"contract.{check}", name="all operations")
                ET.SubElement(case, "skipped", message="the check applied to no answer")
            for target, tally in tallies.items():
                case = ET.SubElement(suite, "testcase", classname=f"contract.{check}", name=target)
                found = [f for f in self.failures if f.check == check and f.target == target]
                if found:
                    message = f"{tally.failed} of {tally.passed + tally.failed} answers: expected {found[0].expected}"
                    failure = ET.SubElement(case, "failure", message=message, type=check)
                    failure.text = "\n\n".join("\n".join(_failure_lines(item, None)) for item in found)
                ET.SubElement(case, "system-out").text = f"{tally.passed} passed, {tally.failed} failed"
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _failure_lines(failure: Failure, command_limit: int | None) -> list[str]:
    command = failure.curl
    if command_limit is not None and len(command) > command_limit:
        command = f"{command[:command_limit]}… (cut: the JSON report has it whole)"
    return [
        f"  {failure.target}, {failure.kind} request",
        f"    expected: {failure.expected}",
        f"    got:      {failure.got}",
        "    reproduce:",
        *(f"      {line}" for line in command.splitlines()),
    ]

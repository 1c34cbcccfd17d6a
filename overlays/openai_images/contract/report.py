"""The contract suite's verdict: counts per check, failures grouped by kind with a command reproducing each,
notes on what the spec allows either way; as text, JSON and JUnit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

_SHOWN_COMMAND = 1000
_TOP_REASONS = 5


def target_label(operation_id: str, content_type: str) -> str:
    return f"{operation_id} ({content_type})"


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
    reason: str = ""
    """The kind of failure in a few words: failures with the same check and reason are one finding."""
    reproduction: str | None = None
    """The directory holding this request's files and a script that sends it again, if written."""

    @property
    def target(self) -> str:
        return target_label(self.operation_id, self.content_type)


@dataclass(frozen=True)
class Note:
    """One answer a check neither passed nor failed: an ambiguous rule's other reading, or something not
    verifiable from this machine."""

    check: str
    operation_id: str
    content_type: str
    kind: str
    note: str
    """What in a few words: notes with the same check and text are grouped."""
    detail: str
    curl: str
    readings: dict[str, dict[str, str]] = field(default_factory=dict)
    """For an ambiguous rule: what each reading says, by the rules table's entry and reading name."""

    @property
    def target(self) -> str:
        return target_label(self.operation_id, self.content_type)


@dataclass(frozen=True)
class Unserved:
    """An operation and body type that answered every request with 404, 405 or 501."""

    target: str
    statuses: dict[int, int]
    """How many answers had each status."""
    declared: bool
    """Whether the user said the server does not serve it (then it is a note, not a failure)."""

    def describe(self) -> str:
        total = sum(self.statuses.values())
        shown = " or ".join(str(status) for status in sorted(self.statuses))
        requests = f"all {total} requests" if total > 1 else "the one request"
        said = ", as declared (--skip-operation)" if self.declared else ""
        return f"{self.target}: operation not served ({shown} to {requests}{said})"


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    noted: int = 0


@dataclass(frozen=True)
class Finding:
    """Failures of one check for one reason: shown once, with an example and how many there were."""

    check: str
    reason: str
    failures: list[Failure]

    @property
    def example(self) -> Failure:
        return self.failures[0]


@dataclass
class Report:
    base_url: str
    seed: int
    max_examples: int
    models: list[str]
    checks: list[str]
    as_of: str = ""
    """The day whose catalogue the server was judged against (YYYY-MM-DD)."""
    retired: list[str] = field(default_factory=list)
    """The claimed models that had ended by that day, with when: requests for them must be refused."""
    not_judged: dict[str, str] = field(default_factory=dict)
    """The claimed models the suite cannot judge (unknown to the rules table, or not released yet): why."""
    not_tested: list[str] = field(default_factory=list)
    """Why parts of the API were not tested (operations serving none of the claimed models, or skipped)."""
    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Requests sent, by (operation and body type, kind)."""
    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)
    """check -> operation and body type -> counts, for the exchanges the check applied to."""
    failures: list[Failure] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    unserved: list[Unserved] = field(default_factory=list)
    stopped: str | None = None
    """Why the run stopped before sending every request, if it did."""
    drawn: int = 0
    """Requests drawn (all are sent unless the run stopped)."""
    reproductions: str | None = None
    """The directory where failing requests were written, if any were."""
    elapsed: float = 0.0

    def count(self, check: str, target: str, outcome: Failure | Note | None) -> None:
        tally = self.tallies.setdefault(check, {}).setdefault(target, Tally())
        if outcome is None:
            tally.passed += 1
        elif isinstance(outcome, Note):
            tally.noted += 1
            self.notes.append(outcome)
        else:
            tally.failed += 1
            self.failures.append(outcome)

    def totals(self, check: str) -> Tally:
        tallies = self.tallies.get(check, {}).values()
        return Tally(sum(t.passed for t in tallies), sum(t.failed for t in tallies), sum(t.noted for t in tallies))

    @property
    def failed_checks(self) -> set[str]:
        return {failure.check for failure in self.failures}

    @property
    def unserved_claims(self) -> list[Unserved]:
        return [unserved for unserved in self.unserved if not unserved.declared]

    @property
    def ok(self) -> bool:
        """Every check held, every claimed operation was served, the run finished, and something was checked."""
        if self.failures or self.unserved_claims or self.stopped:
            return False
        return any(self.totals(check).passed for check in self.tallies)

    def findings(self) -> list[Finding]:
        """Failures grouped by check and reason, in the order of the checks, the most frequent first."""
        groups: dict[tuple[str, str], list[Failure]] = {}
        for failure in self.failures:
            groups.setdefault((failure.check, failure.reason), []).append(failure)
        order = {check: index for index, check in enumerate(self.checks)}
        found = [Finding(check, reason, failures) for (check, reason), failures in groups.items()]
        return sorted(found, key=lambda finding: (order.get(finding.check, len(order)), -len(finding.failures)))

    def note_groups(self) -> list[tuple[str, str, list[Note]]]:
        """(check, note, notes) for each distinct note, in the order the notes first came."""
        groups: dict[tuple[str, str], list[Note]] = {}
        for note in self.notes:
            groups.setdefault((note.check, note.note), []).append(note)
        return [(check, text, notes) for (check, text), notes in groups.items()]

    def _not_judged_by_why(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for model, why in self.not_judged.items():
            grouped.setdefault(why, []).append(model)
        return grouped

    def readings(self) -> dict[str, dict[str, str]]:
        """What each reading says of every ambiguous rule a note names, by entry and reading name."""
        found: dict[str, dict[str, str]] = {}
        for note in self.notes:
            found.update(note.readings)
        return found

    def verdict(self) -> str:
        if self.stopped:
            return f"STOPPED: {self.stopped}."
        if self.ok:
            noted = (
                f" {_answers(len(self.notes))} noted: the spec allows them either way (see NOTES)."
                if self.notes
                else ""
            )
            return f"PASSED: every check held.{noted}"
        if not self.failures and not self.unserved_claims:
            return "NOTHING CHECKED: no check applied to any answer."
        findings = self.findings()
        checks = [check for check in self.checks if check in self.failed_checks]
        parts = []
        if findings:
            plural = "s" if len(findings) != 1 else ""
            parts.append(f"{len(findings)} finding{plural} in {', '.join(checks)} ({_answers(len(self.failures))})")
        if self.unserved_claims:
            parts.append(f"{len(self.unserved_claims)} operation(s) not served")
        return f"FAILED: {'; '.join(parts)}"

    # --- as text ---------------------------------------------------------------------------------------

    def summary(self) -> str:
        lines = [self.verdict() + (" What was judged until then follows." if self.stopped else "")]
        top = sorted(self.findings(), key=lambda finding: -len(finding.failures))[:_TOP_REASONS]
        lines += [f"  {unserved.describe()}" for unserved in self.unserved_claims]
        lines += [f"  {finding.check}: {finding.reason} ({_answers(len(finding.failures))})" for finding in top]
        kinds: Counter[str] = Counter()
        for (_, kind), count in self.requests.items():
            kinds[kind] += count
        lines += [
            "",
            f"openai-images contract suite against {self.base_url}",
            f"{sum(kinds.values())}{f' of {self.drawn}' if self.stopped else ''} requests"
            f" ({', '.join(f'{kind} {count}' for kind, count in kinds.items())})"
            f" in {self.elapsed:.1f} s, seed {self.seed}; catalogue of {self.as_of}; models: {', '.join(self.models)}",
            *([f"retired by then, so refused: {', '.join(self.retired)}"] if self.retired else []),
            *(f"not judged ({why}): {', '.join(models)}" for why, models in self._not_judged_by_why().items()),
            *(f"not tested: {note}" for note in self.not_tested),
            *(f"not served: {unserved.describe()}" for unserved in self.unserved if unserved.declared),
            "",
            f"{'check':<30}{'passed':>8}{'failed':>8}{'noted':>8}",
        ]
        for check in self.checks:
            totals = self.totals(check)
            lines.append(f"{check:<30}{totals.passed:>8}{totals.failed:>8}{totals.noted:>8}")
        lines.append("")
        for finding in self.findings():
            applied = sum(vars(self.totals(finding.check)).values())
            count = len(finding.failures)
            lines.append(f"FAILED {finding.check}: {finding.reason} ({count} of {applied} answers)")
            lines += _failure_lines(finding.example, _SHOWN_COMMAND)
            if count > 1:
                lines.append(f"  ... {count - 1} more like it (the JSON report lists them all)")
            lines.append("")
        if self.notes:
            lines.append("NOTES (answers the spec allows either way, or that could not be verified from here):")
            for check, text, notes in self.note_groups():
                lines.append(f"  {check}: {text} ({_answers(len(notes))})")
                example = notes[0]
                lines.append(f"    for example {example.target}, {example.kind} request: {example.detail}")
            readings = self.readings()
            if readings:
                lines.append("  what each reading of these rules says (the rules table's [[ambiguous]] entries):")
                for entry, says in readings.items():
                    lines += [f"    {entry}, reading {name!r}: {said}" for name, said in says.items()]
            lines.append("")
        if self.reproductions:
            lines.append(f"reproductions: {self.reproductions} (each failing request's files and a run.sh)")
            lines.append("")
        lines.append(self.verdict())
        return "\n".join(lines)

    # --- as data ---------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "ok": self.ok,
            "verdict": self.verdict(),
            "seed": self.seed,
            "max_examples": self.max_examples,
            "as_of": self.as_of,
            "models": self.models,
            "retired": self.retired,
            "not_judged": self.not_judged,
            "elapsed_seconds": round(self.elapsed, 3),
            "stopped": self.stopped,
            "not_tested": self.not_tested,
            "not_served": [asdict(unserved) | {"description": unserved.describe()} for unserved in self.unserved],
            "requests": [
                {"target": target, "kind": kind, "count": count} for (target, kind), count in self.requests.items()
            ],
            "checks": {check: asdict(self.totals(check)) for check in self.checks},
            "findings": [
                {
                    "check": finding.check,
                    "reason": finding.reason,
                    "count": len(finding.failures),
                    "example": {**asdict(finding.example), "target": finding.example.target},
                }
                for finding in self.findings()
            ],
            "notes": [
                {
                    "check": check,
                    "note": text,
                    "count": len(notes),
                    "readings": notes[0].readings,
                    "example": {**asdict(notes[0])},
                }
                for check, text, notes in self.note_groups()
            ],
            "reproductions": self.reproductions,
            "failures": [{**asdict(failure), "target": failure.target} for failure in self.failures],
        }

    def junit_xml(self) -> str:
        """One test suite per check, one test case per operation and body type it applied to, and one
        skipped test case per note."""
        suites = [self._junit_suite(check) for check in self.checks]
        if self.unserved:
            suites.append(self._junit_unserved())
        if self.not_judged:
            suites.append(self._junit_not_judged())
        root = ET.Element(
            "testsuites",
            name="openai-images contract",
            tests=str(sum(int(suite.get("tests", "0")) for suite in suites)),
            failures=str(sum(int(suite.get("failures", "0")) for suite in suites)),
            skipped=str(sum(int(suite.get("skipped", "0")) for suite in suites)),
            time=f"{self.elapsed:.3f}",
        )
        root.extend(suites)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

    def _junit_suite(self, check: str) -> ET.Element:
        tallies = self.tallies.get(check, {})
        suite = ET.Element("testsuite", name=check)
        cases = failed = skipped = 0
        if not tallies:
            case = ET.SubElement(suite, "testcase", classname=f"contract.{check}", name="all operations")
            ET.SubElement(case, "skipped", message="the check applied to no answer")
            cases, skipped = 1, 1
        for target, tally in tallies.items():
            case = ET.SubElement(suite, "testcase", classname=f"contract.{check}", name=target)
            cases += 1
            found = [f for f in self.failures if f.check == check and f.target == target]
            if found:
                failed += 1
                applied = tally.passed + tally.failed + tally.noted
                reasons = Counter(failure.reason for failure in found)
                message = f"{tally.failed} of {applied} answers: " + "; ".join(
                    f"{reason} ({count})" for reason, count in reasons.most_common()
                )
                failure = ET.SubElement(case, "failure", message=message, type=check)
                failure.text = "\n\n".join("\n".join(_failure_lines(item, None)) for item in found)
            ET.SubElement(
                case, "system-out"
            ).text = f"{tally.passed} passed, {tally.failed} failed, {tally.noted} noted"
        for note_check, text, notes in self.note_groups():
            if note_check != check:
                continue
            case = ET.SubElement(suite, "testcase", classname=f"contract.{check}", name=f"note: {text}")
            ET.SubElement(case, "skipped", message=f"{text} ({_answers(len(notes))})")
            said = [
                f"{entry}, reading {name!r}: {says}"
                for entry, each in notes[0].readings.items()
                for name, says in each.items()
            ]
            if said:
                ET.SubElement(case, "system-out").text = "\n".join(said)
            cases, skipped = cases + 1, skipped + 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("skipped", str(skipped))
        return suite

    def _junit_not_judged(self) -> ET.Element:
        suite = ET.Element("testsuite", name="models_judged")
        for model, why in self.not_judged.items():
            case = ET.SubElement(suite, "testcase", classname="contract.models_judged", name=model)
            ET.SubElement(case, "skipped", message=f"not judged: {why}")
        suite.set("tests", str(len(self.not_judged)))
        suite.set("failures", "0")
        suite.set("skipped", str(len(self.not_judged)))
        return suite

    def _junit_unserved(self) -> ET.Element:
        suite = ET.Element("testsuite", name="operation_served")
        for unserved in self.unserved:
            case = ET.SubElement(suite, "testcase", classname="contract.operation_served", name=unserved.target)
            if unserved.declared:
                ET.SubElement(case, "skipped", message=unserved.describe())
            else:
                ET.SubElement(case, "failure", message=unserved.describe(), type="operation_served")
        suite.set("tests", str(len(self.unserved)))
        suite.set("failures", str(len(self.unserved_claims)))
        suite.set("skipped", str(len(self.unserved) - len(self.unserved_claims)))
        return suite


def _answers(count: int) -> str:
    return f"{count} answer{'s' if count != 1 else ''}"


def _failure_lines(failure: Failure, command_limit: int | None) -> list[str]:
    command = failure.curl
    if command_limit is not None and len(command) > command_limit:
        command = f"{command[:command_limit]}… (cut: the JSON report has it whole)"
    lines = [
        f"  {failure.target}, {failure.kind} request",
        f"    expected: {failure.expected}",
        f"    got:      {failure.got}",
        "    reproduce:",
        *(f"      {line}" for line in command.splitlines()),
    ]
    if failure.reproduction:
        lines.append(f"      (or: sh {failure.reproduction}/run.sh)")
    return lines

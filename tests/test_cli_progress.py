"""The status line: a spinner with elapsed time and a batch bar, drawn on a terminal only."""

from __future__ import annotations

import io
import time

from openai_images.commandline.progress import CLEAR_LINE, ProgressBar, Spinner


class Terminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_a_spinner_shows_the_label_and_the_elapsed_time_then_clears_its_line() -> None:
    stream = Terminal()
    with Spinner(stream, "generating with dall-e-2", enabled=True, interval=0.01) as spinner:
        time.sleep(0.05)
        spinner.update("saving")
    text = stream.getvalue()
    assert "generating with dall-e-2 0.0s" in text
    assert "saving" in text
    assert text.endswith(CLEAR_LINE)


def test_a_note_goes_above_the_spinner() -> None:
    stream = Terminal()
    with Spinner(stream, "waiting", enabled=True, interval=10) as spinner:
        spinner.note("partial image 1: a.png")
    assert f"{CLEAR_LINE}partial image 1: a.png\n" in stream.getvalue()


def test_nothing_is_drawn_when_disabled_but_notes_are_still_printed() -> None:
    stream = io.StringIO()
    with Spinner(stream, "waiting", enabled=False, interval=0.01) as spinner:
        time.sleep(0.03)
        spinner.note("partial image 1: a.png")
    assert stream.getvalue() == "partial image 1: a.png\n"


def test_a_spinner_falls_back_to_ascii_where_the_terminal_is_not_utf8() -> None:
    stream = Terminal()
    stream.encoding = "ascii"  # type: ignore[misc]
    with Spinner(stream, "waiting", enabled=True, interval=10):
        pass
    assert stream.getvalue().encode("ascii")


def test_the_bar_counts_done_failed_and_running_lines() -> None:
    bar = ProgressBar(Terminal(), total=4, enabled=True, width=8)
    bar.done, bar.failed, bar.running = 2, 1, 1
    assert bar.render(12.4) == "[######..] 2/4 done, 1 failed, 1 running, 12s"

"""``openai-images generate|edit|vary`` as a user runs them: a subprocess against the mock server
(or the embedded mock), checked by its files, its stdout/stderr and its exit code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mock_server
from openai_images import imageinfo
from PIL import Image
from test_cli_support import (
    DALL_E_2,
    GPT_LOW,
    KEY,
    LIVE,
    PINNED,
    SMALL,
    cli_env,
    closed_port_url,
    history_rows,
    image_format,
    image_size,
    run_cli,
    start_cli,
    stdout_paths,
    write_mask,
    write_png,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with mock_server("--api-key", KEY, "--slow-seconds", "5", *LIVE) as url:
        yield url


@pytest.fixture(scope="module")
def pinned_server() -> Iterator[str]:
    """A server of the pinned catalogue: dall-e answers (URLs, variations)."""
    with mock_server("--api-key", KEY, *PINNED) as url:
        yield url


@pytest.fixture
def env(tmp_path: Path, server: str) -> dict[str, str]:
    """The key and the server come from the environment, as they would for a user."""
    return cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=server)


# --- generating, editing, varying ------------------------------------------------------------------------


def test_generate_saves_the_image_under_the_prompts_slug_and_prints_its_path_last(
    tmp_path: Path, env: dict[str, str]
) -> None:
    result = run_cli("generate", "A red fox, in snow!", *SMALL, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    saved = tmp_path / "a-red-fox-in-snow-1.png"
    assert stdout_paths(result) == [saved]
    assert (image_format(saved), image_size(saved)) == ("PNG", (256, 256))
    assert "request id req_" in result.stderr


def test_the_embedded_mock_needs_no_key_and_no_network(tmp_path: Path) -> None:
    # Even an unreachable base URL in the environment does not matter: nothing leaves the process.
    env = cli_env(tmp_path, OPENAI_BASE_URL=closed_port_url())
    result = run_cli("generate", "a lighthouse", *GPT_LOW, "--output-format", "webp", "--mock", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    [saved] = stdout_paths(result)
    assert saved == tmp_path / "a-lighthouse-1.webp"
    assert (image_format(saved), image_size(saved)) == ("WEBP", (1024, 1024))


def test_global_options_may_come_before_the_command(tmp_path: Path) -> None:
    result = run_cli("--mock", "-q", "generate", "a tree", *SMALL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stdout_paths(result) == [tmp_path / "a-tree-1.png"]


def test_o_names_a_file_for_one_image_and_a_directory_otherwise(tmp_path: Path, env: dict[str, str]) -> None:
    one = run_cli("generate", "a fox", *SMALL, "-o", "fox.png", cwd=tmp_path, env=env)
    assert one.returncode == 0, one.stderr
    assert stdout_paths(one) == [tmp_path / "fox.png"]
    several = run_cli("generate", "a fox", *SMALL, "--n", "2", "-o", "foxes", cwd=tmp_path, env=env)
    assert several.returncode == 0, several.stderr
    assert stdout_paths(several) == [tmp_path / "foxes" / "a-fox-1.png", tmp_path / "foxes" / "a-fox-2.png"]
    assert all(image_size(path) == (256, 256) for path in stdout_paths(several))


def test_o_with_an_image_suffix_asks_for_that_format_when_none_is_given(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", *GPT_LOW, "-o", "fox.jpg", "--mock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert image_format(tmp_path / "fox.jpg") == "JPEG"
    assert history_rows(tmp_path)[0]["params"]["output_format"] == "jpeg"
    unchanged = run_cli("generate", "a fox", *DALL_E_2, *PINNED, "-o", "fox.png", "--mock", cwd=tmp_path)
    assert unchanged.returncode == 0, unchanged.stderr
    assert "output_format" not in history_rows(tmp_path)[1]["params"]  # dall-e-2 makes png and takes no format


@pytest.mark.parametrize(
    ("request_args", "output", "problem"),
    [
        (
            ["generate", "a fox", *GPT_LOW, "--output-format", "png"],
            "fox.jpg",
            "--output: names a jpeg file, but --output-format asks for png (got 'fox.jpg'); allowed: a .png name,"
            " or no --output-format",
        ),
        (
            ["generate", "a fox", *DALL_E_2, *PINNED],
            "fox.webp",
            "--output: names a webp file, which this model does not make (got 'fox.webp') [model dall-e-2];"
            " allowed: png",
        ),
    ],
)
def test_o_naming_a_format_the_request_cannot_give_is_refused_before_sending(
    tmp_path: Path, request_args: list[str], output: str, problem: str
) -> None:
    result = run_cli(*request_args, "-o", output, "--mock", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[1:] == [f"  - {problem}"]
    assert "nothing was sent" in result.stderr
    assert history_rows(tmp_path) == [] and not (tmp_path / output).exists()


def test_o_naming_one_file_for_several_images_numbers_them_and_says_so(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", *SMALL, "--n", "2", "-o", "two.png", "--mock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stdout_paths(result) == [tmp_path / "two-1.png", tmp_path / "two-2.png"]
    assert "-o two.png names one file; the answer holds 2 images, saved as two-1.png and two-2.png" in result.stderr
    help_text = " ".join(run_cli("generate", "--help", cwd=tmp_path).stdout.split())
    assert "several images are saved as NAME-1.png, NAME-2.png" in help_text


def test_images_answered_by_url_are_downloaded(tmp_path: Path, pinned_server: str) -> None:
    # dall-e-2 answers with URLs unless asked otherwise; so does the embedded mock, through its own transport.
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=pinned_server)
    for extra in ([], ["--mock"]):
        out = tmp_path / ("mock" if extra else "server")
        result = run_cli(
            "generate",
            "a fox",
            "--model",
            "dall-e-2",
            "--size",
            "256x256",
            "-o",
            str(out),
            *PINNED,
            *extra,
            cwd=tmp_path,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert image_size(out / "a-fox-1.png") == (256, 256)


def test_edit_takes_images_a_prompt_and_a_mask(tmp_path: Path, env: dict[str, str]) -> None:
    photo = write_png(tmp_path / "photo.png")
    mask = write_mask(tmp_path / "mask.png")
    one = run_cli("edit", str(photo), "--prompt", "add a hat", "--mask", str(mask), *SMALL, cwd=tmp_path, env=env)
    assert one.returncode == 0, one.stderr
    assert stdout_paths(one) == [tmp_path / "add-a-hat-1.png"]
    other = write_png(tmp_path / "other.png", (128, 96), (200, 30, 30))
    several = run_cli(
        "edit",
        str(photo),
        str(other),
        "--prompt",
        "a collage",
        *GPT_LOW,
        "--n",
        "2",
        "-o",
        "out/",
        cwd=tmp_path,
        env=env,
    )
    assert several.returncode == 0, several.stderr
    assert [image_size(path) for path in stdout_paths(several)] == [(1024, 1024)] * 2


def test_vary_makes_variations_of_an_image_on_a_day_before_their_retirement(tmp_path: Path, pinned_server: str) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=pinned_server)
    logo = write_png(tmp_path / "logo.png")
    result = run_cli(
        "vary",
        str(logo),
        "--n",
        "2",
        "--size",
        "256x256",
        "--response-format",
        "b64_json",
        *PINNED,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert stdout_paths(result) == [tmp_path / "logo-variation-1.png", tmp_path / "logo-variation-2.png"]


def test_streaming_saves_and_reports_each_partial_image_as_it_arrives(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli(
        "generate",
        "a tree",
        *GPT_LOW,
        "--stream",
        "--partial-images",
        "2",
        "-o",
        "tree/",
        "--json",
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "tree"
    partials = [folder / "a-tree-partial-1.png", folder / "a-tree-partial-2.png"]
    assert f"partial image 1: {partials[0]}" in result.stderr
    assert f"partial image 2: {partials[1]}" in result.stderr
    document = json.loads(result.stdout)
    assert document["partial_images"] == [str(path) for path in partials]
    assert document["images"] == [str(folder / "a-tree-1.png")]
    assert all(image_size(path) == (1024, 1024) for path in [*partials, folder / "a-tree-1.png"])


def test_quiet_prints_the_paths_and_nothing_else(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli("generate", "a fox", *SMALL, "-q", cwd=tmp_path, env=env)
    assert result.returncode == 0
    assert (result.stderr, stdout_paths(result)) == ("", [tmp_path / "a-fox-1.png"])


def test_an_interrupted_call_exits_130_leaves_no_file_and_is_recorded(tmp_path: Path, env: dict[str, str]) -> None:
    process = start_cli("generate", "a slow fox", *SMALL, "-H", "x-mock-fault: slow", cwd=tmp_path, env=env)
    # The history opens just before the call is sent: interrupt the call, not the program's start.
    deadline = time.monotonic() + 20
    while not (tmp_path / "history.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130, stderr
    assert list(tmp_path.glob("*.png")) == []
    assert [row["outcome"] for row in history_rows(tmp_path)] == ["interrupted"]


# --- never overwriting -----------------------------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "a-fox-1.png"
    target.write_bytes(b"mine")
    # The answer's format is not known before the call, so a file of any image suffix is in the way.
    (tmp_path / "a-fox-2.jpg").write_bytes(b"mine too")
    refused = run_cli("generate", "a fox", *SMALL, "--n", "2", cwd=tmp_path, env=env)
    assert refused.returncode == 1
    assert "not overwriting" in refused.stderr and "--force" in refused.stderr
    assert str(target) in refused.stderr and str(tmp_path / "a-fox-2.jpg") in refused.stderr
    assert target.read_bytes() == b"mine"
    assert history_rows(tmp_path) == []  # refused before any call was paid for
    forced = run_cli("generate", "a fox", *SMALL, "--force", cwd=tmp_path, env=env)
    assert forced.returncode == 0, forced.stderr
    assert image_format(target) == "PNG"


def test_an_exact_output_file_is_protected_too(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "fox.png").write_bytes(b"mine")
    result = run_cli("generate", "a fox", *SMALL, "-o", "fox.png", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert (tmp_path / "fox.png").read_bytes() == b"mine"


# --- exit codes ----------------------------------------------------------------------------------------------------


def test_a_validation_problem_lists_every_issue_with_the_allowed_values_and_exits_2(tmp_path: Path) -> None:
    # Nothing is sent: the base URL is unreachable, and reaching for it would exit 4.
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=closed_port_url())
    result = run_cli(
        "generate",
        "a fox",
        "--model",
        "dall-e-2",
        "--size",
        "100x100",
        "--quality",
        "hd",
        "--style",
        "vivid",
        *PINNED,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 2
    assert "3 problems" in result.stderr and "nothing was sent" in result.stderr
    assert (
        "size: not a size this model makes (got '100x100') [model dall-e-2]; allowed: 256x256, 512x512, 1024x1024, auto"
        in result.stderr
    )
    assert (
        "quality: is not a quality this model offers (got 'hd') [model dall-e-2]; allowed: standard, auto"
        in result.stderr
    )
    assert "style: is not supported by this model" in result.stderr and "allowed: only with dall-e-3" in result.stderr
    assert result.stdout == ""


def test_a_value_outside_the_specs_enum_is_refused_by_the_parser_with_exit_2(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", "--quality", "ultra", "--mock", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'ultra'" in result.stderr


def test_an_unreadable_input_image_is_a_validation_problem(tmp_path: Path) -> None:
    result = run_cli("vary", "missing.png", "--mock", cwd=tmp_path)
    assert result.returncode == 2
    assert "image: cannot be read: No such file or directory" in result.stderr


def test_an_api_error_shows_type_code_message_and_request_id_and_exits_3(tmp_path: Path, server: str) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY="sk-wrong-key-000000", OPENAI_BASE_URL=server)
    result = run_cli("generate", "a fox", *SMALL, cwd=tmp_path, env=env)
    assert result.returncode == 3
    assert "the API answered 401 (type invalid_request_error, code invalid_api_key)" in result.stderr
    assert "Incorrect API key provided." in result.stderr
    assert "request id: req_" in result.stderr
    assert list(tmp_path.glob("*.png")) == []


def test_a_server_failure_after_the_retries_exits_3(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli(
        "generate", "a fox", *SMALL, "-H", "x-mock-fault: 500", "--max-retries", "0", cwd=tmp_path, env=env
    )
    assert result.returncode == 3
    assert "500 (type server_error, code server_error)" in result.stderr


def test_a_connection_failure_exits_4(tmp_path: Path) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY)
    result = run_cli(
        "generate", "a fox", *SMALL, "--base-url", closed_port_url(), "--max-retries", "0", cwd=tmp_path, env=env
    )
    assert result.returncode == 4
    assert "could not reach the API" in result.stderr


def test_a_connection_failure_names_the_host_the_port_and_the_attempts(tmp_path: Path) -> None:
    url = closed_port_url()
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY)
    result = run_cli("generate", "a fox", *SMALL, "--base-url", url, "--max-retries", "1", cwd=tmp_path, env=env)
    assert result.returncode == 4
    host_and_port = url.removeprefix("http://").removesuffix("/v1")
    assert f"openai-images: could not reach the API: could not connect to {host_and_port} (2 attempts):" in (
        result.stderr
    )


def test_a_base_url_without_a_scheme_is_refused_before_sending_with_what_one_looks_like(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", "--api-key", KEY, "--base-url", "127.0.0.1:8080/v1", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "openai-images: --base-url '127.0.0.1:8080/v1' is not an http:// or https:// URL;"
        " a base URL looks like https://api.openai.com/v1 or http://127.0.0.1:8080/v1"
    ]
    assert history_rows(tmp_path) == []


def test_a_404_from_a_base_url_without_v1_shows_the_url_called_and_suggests_v1(tmp_path: Path, server: str) -> None:
    unversioned = server.removesuffix("/v1")
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=unversioned)
    result = run_cli("generate", "a fox", *SMALL, cwd=tmp_path, env=env)
    assert result.returncode == 3
    assert f"  url: POST {unversioned}/images/generations" in result.stderr.splitlines()
    assert f"  hint: the base URL has no version; did you mean {unversioned}/v1?" in result.stderr.splitlines()


def test_the_plain_http_key_warning_is_one_line(tmp_path: Path) -> None:
    url = "http://images.example.test/v1"
    result = run_cli("generate", "a fox", "--api-key", KEY, "--base-url", url, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "openai-images: warning: the API key would be sent unencrypted to images.example.test (base_url uses"
        " http://); use https://"
    ]


def test_no_key_exits_2_and_points_at_the_mock(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", *SMALL, cwd=tmp_path)
    assert result.returncode == 2
    assert "no API key: set OPENAI_API_KEY or pass --api-key (or try the embedded mock: --mock)" in result.stderr


# --- --json and --dry-run ------------------------------------------------------------------------------------------


def test_json_puts_one_document_on_stdout_and_everything_else_on_stderr(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli("generate", "a fox", *GPT_LOW, "--json", "-v", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)  # the whole of stdout is one JSON document
    assert document["ok"] is True
    assert document["images"] == [str(tmp_path / "a-fox-1.png")]
    assert (document["model"], document["operation"]) == ("gpt-image-2.5-flare", "createImage")
    assert document["request_id"].startswith("req_")
    assert document["usage"]["total_tokens"] > 0
    assert document["history_id"] == 1
    assert "DEBUG" in result.stderr  # -v logs went to stderr


def test_json_reports_failures_as_a_document_too(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", "--model", "dall-e-3", "--n", "2", *PINNED, "--mock", "--json", cwd=tmp_path)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert (document["ok"], document["exit_code"], document["error"]["kind"]) == (False, 2, "validation")
    assert document["error"]["issues"][0]["param"] == "n"
    assert document["error"]["issues"][0]["allowed"] == "1..1"


def test_dry_run_prints_the_request_with_the_key_redacted_and_sends_nothing(tmp_path: Path) -> None:
    url = closed_port_url()
    result = run_cli("generate", "a fox", *SMALL, "--api-key", KEY, "--base-url", url, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"POST {url}/images/generations" in result.stdout
    assert "Authorization: <redacted>" in result.stdout
    assert '"size": "256x256"' in result.stdout
    assert "curl -X POST" in result.stdout
    assert KEY not in result.stdout + result.stderr
    assert history_rows(tmp_path) == []


def test_dry_run_curl_can_be_pasted_the_shell_filling_in_the_key(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", *SMALL, "--api-key", KEY, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [curl] = [line for line in result.stdout.splitlines() if line.startswith("curl ")]
    assert '-H "Authorization: Bearer $OPENAI_API_KEY"' in curl
    assert KEY not in result.stdout
    # Pasted into a shell (with a curl that prints what it is given), the key is the shell's.
    shell = subprocess.run(
        ["bash", "-c", f'curl() {{ printf "%s\\n" "$@"; }}; {curl}'],
        env={"PATH": os.environ["PATH"], "OPENAI_API_KEY": "sk-from-the-shell"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Authorization: Bearer sk-from-the-shell" in shell.stdout.splitlines()


def test_dry_run_of_an_upload_names_the_file_parts_and_needs_no_key(tmp_path: Path) -> None:
    photo = write_png(tmp_path / "photo.png")
    result = run_cli(
        "edit", str(photo), "--prompt", "a hat", "--model", "gpt-image-2.5-flare", "--dry-run", "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    parts = {part["name"]: part for part in document["form"]}
    assert parts["image"]["file_name"] == "photo.png"
    assert parts["image"]["size"] == photo.stat().st_size
    assert parts["prompt"]["value"] == "a hat"
    assert document["headers"]["Authorization"] == "<redacted>"


# --- the key --------------------------------------------------------------------------------------------------------


def test_the_key_never_appears_in_output_logs_or_history(tmp_path: Path, server: str) -> None:
    env = cli_env(tmp_path, OPENAI_BASE_URL=server)
    runs = [
        run_cli("generate", "a fox", *SMALL, "--api-key", KEY, "-v", cwd=tmp_path, env=env),
        run_cli("generate", "a fox", *SMALL, "--api-key", KEY, "-v", "--json", "-o", "b/", cwd=tmp_path, env=env),
        run_cli(
            "generate",
            "a fox",
            *SMALL,
            "-v",
            "-H",
            "x-mock-fault: 500",
            "--max-retries",
            "1",
            "-o",
            "c/",
            cwd=tmp_path,
            env={**env, "OPENAI_API_KEY": KEY},
        ),
    ]
    assert [result.returncode for result in runs] == [0, 0, 3]
    for result in runs:
        assert "DEBUG" in result.stderr
        assert KEY not in result.stdout
        assert KEY not in result.stderr
    database = (tmp_path / "history.sqlite").read_bytes()
    assert len(history_rows(tmp_path)) == 3
    assert KEY.encode() not in database


# --- the live API: GIF, SVG, markup, retirements, the default model, --as-of -------------------------------------


def test_o_anim_gif_saves_an_animated_gif_of_the_frames_asked_for(tmp_path: Path) -> None:
    result = run_cli(
        "generate", "a waving flag", *SMALL, "-o", "flag.gif", "--frame-count", "4", "--mock", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert stdout_paths(result) == [tmp_path / "flag.gif"]
    with Image.open(tmp_path / "flag.gif") as image:
        assert (image.format, image.n_frames, image.size) == ("GIF", 4, (256, 256))
    assert history_rows(tmp_path)[0]["params"]["output_format"] == "gif"


def test_o_logo_svg_saves_the_svg_document_the_svg_model_made(tmp_path: Path) -> None:
    result = run_cli(
        "generate",
        "a fox logo",
        *GPT_LOW,
        "-o",
        "logo.svg",
        "--svg-model",
        "gpt-5.5",
        "--svg-effort",
        "low",
        "--mock",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert stdout_paths(result) == [tmp_path / "logo.svg"]
    info = imageinfo.inspect((tmp_path / "logo.svg").read_bytes())
    assert (info.format, info.width, info.height) == ("svg", 1024, 1024)
    assert "<title>a fox logo</title>" in (tmp_path / "logo.svg").read_text()
    params = history_rows(tmp_path)[0]["params"]
    assert (params["output_format"], params["svg"]) == ("svg", {"model": "gpt-5.5", "reasoning": {"effort": "low"}})


def test_an_svg_edit_sends_the_svg_object_as_the_form_fields_the_sdk_names(tmp_path: Path) -> None:
    photo = write_png(tmp_path / "photo.png")
    args = ["edit", str(photo), "--prompt", "as a logo", "--svg-model", "gpt-5.5", "--svg-effort", "high"]
    dry = run_cli(*args, "--output-format", "svg", "--mock", "--dry-run", "--json", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    parts = {part["name"]: part.get("value") for part in json.loads(dry.stdout)["form"]}
    assert (parts["svg[model]"], parts["svg[reasoning][effort]"]) == ("gpt-5.5", "high")
    saved = run_cli(*args, "-o", "logo.svg", "--mock", cwd=tmp_path)
    assert saved.returncode == 0, saved.stderr
    assert imageinfo.inspect((tmp_path / "logo.svg").read_bytes()).format == "svg"


def test_edit_with_markup_repaints_where_the_markup_is_drawn(tmp_path: Path) -> None:
    room = write_png(tmp_path / "room.png", (256, 256), (120, 140, 90))
    arrows = Image.new("RGBA", (256, 256), (0, 0, 0, 0))  # transparent but for one red stroke
    arrows.paste((255, 0, 0, 255), (40, 120, 216, 136))
    arrows.save(tmp_path / "arrows.png")
    result = run_cli(
        "edit",
        str(room),
        "--markup",
        "arrows.png",
        "--prompt",
        "move the sofa",
        *SMALL,
        "-o",
        "moved.png",
        "--mock",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    with Image.open(tmp_path / "moved.png") as moved:
        rgb = moved.convert("RGB")
        assert rgb.getpixel((5, 5)) == (120, 140, 90)  # untouched where nothing is drawn
        assert rgb.getpixel((60, 128)) != (120, 140, 90)  # repainted under the stroke
    assert [item["param"] for item in history_rows(tmp_path)[0]["inputs"]] == ["image", "markup"]


@pytest.mark.parametrize("where", [["--mock"], ["--api-key", KEY]])
def test_vary_explains_its_retirement_before_sending(tmp_path: Path, where: list[str]) -> None:
    # Against OpenAI, any request that went out would meet the closed proxy and exit 4.
    env = cli_env(tmp_path, HTTPS_PROXY=closed_port_url().removesuffix("/v1"))
    logo = write_png(tmp_path / "logo.png")
    result = run_cli("vary", str(logo), *where, "--max-retries", "0", cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    assert (
        "model: createImageVariation is retired: This endpoint no longer accepts requests. Its models (dall-e-2)"
        " were retired by 2026-05-12." in result.stderr
    )
    assert "allowed: generate or edit with a GPT image model" in result.stderr
    assert "nothing was sent" in result.stderr and history_rows(tmp_path) == []


@pytest.mark.parametrize("where", [["--mock"], ["--api-key", KEY]])
def test_a_retired_model_explains_itself_before_sending(tmp_path: Path, where: list[str]) -> None:
    env = cli_env(tmp_path, HTTPS_PROXY=closed_port_url().removesuffix("/v1"))
    result = run_cli("generate", "a fox", "--model", "gpt-image-1", *where, "--max-retries", "0", cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    assert (
        "model: was shut down on 2026-10-23: use gpt-image-2.5-sunburst or gpt-image-2.5-flare instead"
        " (got 'gpt-image-1')" in result.stderr
    )
    dall_e = run_cli("generate", "a fox", "--model", "dall-e-3", *where, cwd=tmp_path, env=env)
    assert dall_e.returncode == 2
    assert "model: was retired on 2026-05-12: use a GPT image model instead (got 'dall-e-3')" in dall_e.stderr
    assert history_rows(tmp_path) == []


def test_another_server_gets_a_retired_model_with_a_warning(tmp_path: Path, env: dict[str, str]) -> None:
    # A gateway may still serve it: the client warns and sends; this one (today's mock) refuses it.
    result = run_cli("generate", "a fox", "--model", "dall-e-3", cwd=tmp_path, env=env)
    assert result.returncode == 3, result.stderr
    warning, *_ = result.stderr.splitlines()
    assert warning.startswith("openai-images: warning: model: was retired on 2026-05-12")
    assert warning.endswith("(OpenAI, as of 2026-12-03); sending it to 127.0.0.1 anyway")
    assert "code model_not_found" in result.stderr


def test_as_of_an_earlier_day_shows_its_catalogue_in_the_embedded_mock(tmp_path: Path) -> None:
    logo = write_png(tmp_path / "logo.png")
    vary = run_cli("vary", str(logo), "--size", "256x256", *PINNED, "--mock", cwd=tmp_path)
    assert vary.returncode == 0, vary.stderr
    assert image_size(tmp_path / "logo-variation-1.png") == (256, 256)
    # No model given: the default model was not out yet, so the API's default of that day answers.
    old = run_cli("generate", "a cat", *PINNED, "--mock", "--json", cwd=tmp_path)
    assert old.returncode == 0, old.stderr
    assert json.loads(old.stdout)["model"] == "dall-e-2"
    early = run_cli(
        "generate", "a cat", "--model", "gpt-image-2.5-flare", "--as-of", "2026-09-07", "--mock", cwd=tmp_path
    )
    assert early.returncode == 2
    assert "was not released yet on 2026-09-07 (it arrived on 2026-09-08)" in early.stderr


def test_without_model_the_default_is_the_variables_else_the_tables_current_one(tmp_path: Path) -> None:
    chosen = run_cli("generate", "a fox", "--mock", "--json", cwd=tmp_path)
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["model"] == "gpt-image-2.5-flare"
    env = cli_env(tmp_path, OPENAI_IMAGES_MODEL="gpt-image-2")
    overridden = run_cli("generate", "a fox", "--mock", "--dry-run", "--json", cwd=tmp_path, env=env)
    assert json.loads(overridden.stdout)["json"] == {"prompt": "a fox", "model": "gpt-image-2"}
    assert history_rows(tmp_path)[0]["params"]["model"] == "gpt-image-2.5-flare"  # recorded, so a rerun sends it


# --- help, --open, the mock command --------------------------------------------------------------------------------


def test_help_shows_examples_and_the_options_the_spec_defines(tmp_path: Path) -> None:
    top = run_cli("--help", cwd=tmp_path)
    assert top.returncode == 0
    assert "examples:" in top.stdout and "exit codes:" in top.stdout
    generate = run_cli("generate", "--help", cwd=tmp_path)
    assert "examples:" in generate.stdout
    text = " ".join(generate.stdout.split())
    assert "--style {vivid,natural}" in text
    assert "--output-compression N" in text
    assert "dall-e-2: 256x256, 512x512, 1024x1024, auto" in text
    assert "Only with dall-e-3." in text
    for command in ("edit", "vary", "history", "batch"):
        assert "examples:" in run_cli(command, "--help", cwd=tmp_path).stdout


def test_open_hands_the_images_to_the_system_viewer(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "opened.txt"
    viewer = bin_dir / "xdg-open"
    viewer.write_text(f'#!/bin/sh\necho "$1" >> {log}\n')
    viewer.chmod(0o755)
    env = cli_env(tmp_path, PATH=str(bin_dir))
    result = run_cli("generate", "a fox", *SMALL, "--n", "2", "--mock", "--open", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len(log.read_text().splitlines() if log.exists() else []) < 2:
        time.sleep(0.05)
    assert sorted(log.read_text().splitlines()) == [str(path) for path in stdout_paths(result)]


def test_open_without_a_viewer_says_where_the_images_are(tmp_path: Path) -> None:
    env = cli_env(tmp_path, PATH=str(tmp_path / "empty"))
    result = run_cli("generate", "a fox", *SMALL, "--mock", "--open", "-o", "out/", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert f"no image viewer found (xdg-open); the images are in {tmp_path / 'out'}" in result.stderr


def test_the_mock_command_is_still_there(tmp_path: Path) -> None:
    result = run_cli("mock", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--fault-script" in result.stdout


def test_importing_the_command_line_does_not_load_the_mock_or_pillow() -> None:
    heavy = "{'starlette', 'uvicorn', 'PIL', 'sqlite3'}"
    code = f"import sys, openai_images.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & {heavy}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

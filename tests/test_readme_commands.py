"""The README's first screen has the two commands, and CI runs the test command exactly as written."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("\n---", 1)[0]
    blocks = head.split("```sh\n")[1:]
    return [b.split("```", 1)[0].strip() for b in blocks]


def test_first_screen_has_demo_and_test_commands() -> None:
    demo, test = _commands()[:2]
    assert "annet-desktop --demo" in demo
    assert 'install -e ".[test]"' in test and "-m pytest" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _commands()[1] in ci_lines

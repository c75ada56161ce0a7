"""Designer forms: NFC text, and the committed compiled Python matches the .ui files."""

import importlib.util
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
FORMS = sorted((REPO / "forms").glob("*.ui"))


def _compile_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("forms_compile", REPO / "forms" / "compile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_main_window_and_about_dialog_have_forms() -> None:
    names = {form.stem for form in FORMS}
    assert {"main_window", "about_dialog", "plan_panel"} <= names


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_every_string_in_a_form_is_nfc(form: Path) -> None:
    texts = [node.text or "" for node in ET.parse(form).iter("string")]
    assert texts
    assert [t for t in texts if unicodedata.normalize("NFC", t) != t] == []


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_the_compiled_form_matches_its_ui_file(form: Path) -> None:
    compile_forms = _compile_module()
    generated = compile_forms.output_path(form)
    assert generated.is_file(), f"run: python forms/compile.py ({generated.name} is missing)"
    expected = compile_forms.compile_form(form)
    assert generated.read_text(encoding="utf-8") == expected, "run: python forms/compile.py"

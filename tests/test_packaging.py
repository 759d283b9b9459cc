"""The addon installs with pip as odoo-addon-performance_management."""

import ast
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_carries_the_addon(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT / "performance_management"),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    manifest = ast.literal_eval((ROOT / "performance_management/__manifest__.py").read_text())
    assert wheel.name.startswith(f"odoo_addon_performance_management-{manifest['version']}")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(n for n in names if n.endswith("METADATA"))
        meta = archive.read(metadata).decode()
    prefix = "odoo/addons/performance_management/"
    for data_file in manifest["data"] + manifest.get("demo", []):
        assert prefix + data_file in names, f"{data_file} is missing from the wheel"
    assert prefix + "static/description/icon.png" in names
    assert "Name: odoo-addon-performance_management" in meta
    assert "Requires-Dist: odoo==19.0.*" in meta


def test_readme_is_built_from_its_fragments():
    """README.rst is what scripts/gen_readme.py builds from readme/*.md and the manifest, and
    it renders on the Apps page without a docutils warning."""
    from docutils.core import publish_string
    from gen_readme import build

    addon = ROOT / "performance_management"
    readme = (addon / "README.rst").read_text(encoding="utf-8")
    assert readme == build(addon), "README.rst is stale: run python3 scripts/gen_readme.py"
    publish_string(
        readme,
        writer_name="html",
        settings_overrides={"report_level": 2, "halt_level": 2, "file_insertion_enabled": False},
    )


def test_every_test_file_is_imported_for_odoos_runner():
    """Odoo's runner (what CI, Odoo.sh and OCA's CI run) finds only the test modules that
    tests/__init__.py imports."""
    tests = ROOT / "performance_management/tests"
    init = ast.parse((tests / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(init)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    files = {path.stem for path in tests.glob("test_*.py")}
    assert not files - imported, f"not imported in tests/__init__.py: {sorted(files - imported)}"

"""One exception for lists of problems (rule files, gold files), printed once by every command."""
import pickle

import pytest
from click.testing import CliRunner

from vnfacts import RuleError, VnfactsError
from vnfacts.cli import main
from vnfacts.errors import ProblemsError
from vnfacts.evaluate import GoldError
from vnfacts.suggest import closest, did_you_mean


@pytest.mark.parametrize("cls", [RuleError, GoldError])
def test_rule_and_gold_errors_are_problems_errors(cls):
    err = cls(["f:1: one", "f:2: two"])
    assert isinstance(err, ProblemsError) and isinstance(err, VnfactsError)
    assert err.problems == ["f:1: one", "f:2: two"] and str(err) == "f:1: one\nf:2: two"
    assert "__init__" not in cls.__dict__  # the body is ProblemsError's


@pytest.mark.parametrize("cls", [ProblemsError, RuleError, GoldError])
def test_a_problems_error_survives_pickling_with_its_list(cls):
    back = pickle.loads(pickle.dumps(cls(["f:1: one", "f:2: two"])))
    assert type(back) is cls and back.problems == ["f:1: one", "f:2: two"]


def test_a_problems_list_is_one_line_each_on_stderr_and_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x.y\n    type: money\n    paterns: 'a'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(bad)])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"vnfacts: {bad}:") for line in lines)
    assert any("unknown key 'paterns' (did you mean 'pattern'?)" in line for line in lines)
    assert "Traceback" not in result.output


def test_did_you_mean_and_closest():
    assert did_you_mean("curency", ["currency", "unit"]) == " (did you mean 'currency'?)"
    assert did_you_mean("zzzz", ["currency", "unit"]) == ""
    assert did_you_mean("unti", ["unit"], cutoff=0.75) == " (did you mean 'unit'?)"
    assert closest("note", ["text", "facts", "ignore"], cutoff=0.75) is None
    assert closest("anything", []) is None

import ast
import csv


def declared_models(addon):
    """Models an addon creates: classes with a ``_name`` that are not abstract and do
    not name a model they inherit (``_name = "x"`` with ``_inherit = ["x", "mixin"]``
    extends ``x``)."""
    models = set()
    for path in list(addon.glob("models/*.py")) + list(addon.glob("wizard/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if "models.AbstractModel" in bases:
                continue
            values = {
                ast.unparse(statement.targets[0]): ast.literal_eval(statement.value)
                for statement in node.body
                if isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and ast.unparse(statement.targets[0]) in ("_name", "_inherit")
            }
            inherited = values.get("_inherit", ())
            inherited = [inherited] if isinstance(inherited, str) else list(inherited)
            if values.get("_name") and values["_name"] not in inherited:
                models.add(values["_name"])
    return models


def access_models(addon):
    path = addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as handle:
        return {row["model_id:id"].split(".")[-1] for row in csv.DictReader(handle)}


def test_every_model_has_access_rights(addon):
    lines = access_models(addon)
    missing = [
        model for model in declared_models(addon) if "model_" + model.replace(".", "_") not in lines
    ]
    assert not missing, f"{addon.name}: no ir.model.access line for {missing}"


def test_access_file_is_loaded(addon):
    if declared_models(addon):
        from conftest import manifest

        assert "security/ir.model.access.csv" in manifest(addon)["data"]

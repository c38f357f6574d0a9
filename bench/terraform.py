"""A Terraform configuration with the graph of gen.py's pipelines, for the side-by-side of issue 20.

Each manifest of the example becomes a `terraform_data` resource per copy, named
KIND_NAME_NNNNN, whose `input` is the manifest's spec (its name or title suffixed, as gen.py
does): `${kind.name.attr}` references become references to that copy's resource
(`${terraform_data.KIND_NAME_NNNNN.id}`, unknown until apply, as an AEP id is), `${var.x}`
stays as it is (the same syntax), variables keep their default and sensitivity, and
terraform.tfvars.json holds the bench environment's values. So Terraform plans
as many resources with the same edges as `aepform plan` of the same number of copies.
terraform_data is built into Terraform: `terraform init` needs no network.
"""
import json
import pathlib
import re
import sys

import gen

REF = re.compile(r"\$\{(" + "|".join(gen.KINDS) + r")\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\}")


def documents(src, files):
    try:
        import yaml
    except ImportError:
        print("terraform.py: needs PyYAML (Debian: apt-get install -y python3-yaml)",
              file=sys.stderr)
        sys.exit(3)
    for f in files:
        yield from (d for d in yaml.safe_load_all((src / f).read_text()) if d)


def reference(suffix):
    def to_terraform(m):
        kind, name, attr = m.groups()
        return "${terraform_data." + f"{kind}_{name}{suffix}.{attr}" + "}"
    return to_terraform


def with_references(node, suffix):
    if isinstance(node, dict):
        return {k: with_references(v, suffix) for k, v in node.items()}
    if isinstance(node, list):
        return [with_references(v, suffix) for v in node]
    if isinstance(node, str):
        return REF.sub(reference(suffix), node)
    return node


def spec_of(manifest, suffix):
    """The spec, named apart as gen.copy_of names it (its name or title gets the suffix)."""
    spec = with_references(manifest["spec"], suffix)
    for key in ("name", "title"):
        if key in spec:
            spec[key] = f"{spec[key]}{suffix}"
    return spec


def configuration(src, out, copies):
    src, out = pathlib.Path(src), pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    manifests = list(documents(src, gen.FILES))
    variables = {}
    for v in documents(src, ["variables.yaml"]):
        variables[v["name"]] = {k: v[k] for k in ("default", "description", "sensitive") if k in v}
    resources = {}
    for i in range(copies):
        suffix = f"_{i:05d}"
        for m in manifests:
            resources[f"{m['kind']}_{m['name']}{suffix}"] = {"input": spec_of(m, suffix)}
    (out / "main.tf.json").write_text(json.dumps(
        {"variable": variables, "resource": {"terraform_data": resources}}, indent=1))
    (out / "terraform.tfvars.json").write_text(json.dumps(gen.VARIABLES, indent=1))

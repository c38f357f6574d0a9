#!/usr/bin/env python3
"""Generates benchmark configurations from examples/parquet-ingestion.

gen.py pipelines SRC OUT COPIES PLATFORM_URL
  writes OUT/ with COPIES copies of the example pipeline (7 resources each), named apart
  (logical names and remote names get a _NNNNN suffix), and environments/bench.yaml
  pointing at PLATFORM_URL.
gen.py replay TRACE OUT [--reads]
  turns the -v trace of an apply (run with --parallelism 1, so that each answer follows its
  request) into the calls bench/floor/Floor.java replays: see replay.py.
gen.py terraform SRC OUT COPIES
  writes OUT/main.tf.json: the same graph as `pipelines` with COPIES copies, as terraform_data
  resources (see terraform.py).
"""
import pathlib
import re
import sys

KINDS = ["schema", "dataset", "connection", "sourceConnection", "targetConnection", "flow"]
FILES = ["schema.yaml", "dataset.yaml", "connections.yaml", "source.yaml", "target.yaml", "flow.yaml"]


def copy_of(text, suffix):
    # logical names: top-level "name: x"
    text = re.sub(r"(?m)^name: (\S+)$", lambda m: f"name: {m.group(1)}{suffix}", text)
    # remote names: the spec's name/title (two-space indent)
    text = re.sub(r"(?m)^  (name|title): (.+)$", lambda m: f"  {m.group(1)}: {m.group(2)}{suffix}", text)
    # references ${kind.name.attr}
    kinds = "|".join(KINDS)
    text = re.sub(r"\$\{(" + kinds + r")\.([A-Za-z0-9_]+)\.",
                  lambda m: "${" + m.group(1) + "." + m.group(2) + suffix + ".", text)
    return text


def pipelines(src, out, copies, platform):
    src, out = pathlib.Path(src), pathlib.Path(out)
    (out / "environments").mkdir(parents=True, exist_ok=True)
    (out / "variables.yaml").write_text((src / "variables.yaml").read_text())
    bodies = {f: (src / f).read_text() for f in FILES}
    for f in FILES:
        # a file per kind and 1000 copies (aepform refuses files over 4 MiB), documents split by ---
        for start in range(0, copies, 1000):
            parts = [copy_of(bodies[f], f"_{i:05d}").rstrip("\n")
                     for i in range(start, min(copies, start + 1000))]
            name = f if start == 0 else f.replace(".yaml", f"-{start // 1000}.yaml")
            (out / name).write_text("\n---\n".join(parts) + "\n")
    (out / "environments" / "bench.yaml").write_text(
        f"sandbox: bench\nplatform: {platform}\nvariables:\n"
        + "".join(f"  {k}: {v}\n" for k, v in VARIABLES.items()))


# the bench environment's variables (the S3 keys are secrets: traces mask them, replay.py puts
# them back)
VARIABLES = {"s3_access_key": "AKIABENCHEXAMPLE", "s3_secret_key": "bench-secret"}


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 5 and args[0] == "pipelines":
        pipelines(args[1], args[2], int(args[3]), args[4])
    elif len(args) in (3, 4) and args[0] == "replay" and args[3:] in ([], ["--reads"]):
        import replay
        replay.convert(args[1], args[2], "--reads" in args)
    elif len(args) == 4 and args[0] == "terraform":
        import terraform
        terraform.configuration(args[1], args[2], int(args[3]))
    else:
        sys.exit(__doc__)

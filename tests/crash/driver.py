"""A kscdesk process for the crash test: edits and imports, one transaction each, forever.

    python tests/crash/driver.py DATA_DIR SEED

Prints ``ready`` once the data folder is open, then after each committed change one line:
``setting KEY VALUE`` for an edit, ``plan UID`` for an import. The test kills it with SIGKILL
at a random moment and checks that every line it printed is still in the database.
"""

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

from kscdesk import paths
from kscdesk.formats.plan_json import content_from_json
from kscdesk.services.import_plan import store_parsed_plan
from kscdesk.services.workspace import Workspace
from kscdesk.store.settings import set_setting


def main(folder: Path, seed: int) -> None:
    plan_file = paths.resource_path("sample", "demo_parent_plan.json")
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    with Workspace.open(folder) as ws:
        print("ready", flush=True)
        for step in range(1_000_000):
            if step % 6 == 5:  # an import: a whole plan in one transaction (after a backup)
                content = content_from_json(data, plan_file)
                content.plan = replace(
                    content.plan, source_sha256=f"{seed:08x}{step:056x}", title=f"Crash {seed}"
                )
                uid = store_parsed_plan(ws, content)
                print(f"plan {uid}", flush=True)
            else:  # an edit
                key, value = f"crash-{seed}-{step}", f"giá trị {rng.random():.12f}"
                set_setting(ws.db, key, value)
                print(f"setting {key} {value}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))

"""Wording rules saved per office, offered again when next year's plan is derived."""

import json

from sqlite_utils import Database

from kscdesk.domain.text import nfc
from kscdesk.domain.wording import WordingRule


def save_rules(db: Database, office_uid: str, rules: list[WordingRule]) -> None:
    """Replace the office's saved rules by ``rules``, in their order."""
    with db.atomic():
        db.execute("DELETE FROM wording_rules WHERE office_uid = ?", [office_uid])
        for position, rule in enumerate(rules):
            db.execute(
                "INSERT INTO wording_rules (office_uid, position, find, replacement, fields) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    office_uid,
                    position,
                    nfc(rule.find),
                    nfc(rule.replacement),
                    json.dumps(list(rule.fields)),
                ],
            )


def load_rules(db: Database, office_uid: str) -> list[WordingRule]:
    """The office's saved rules in order; empty when none were saved."""
    rows = db.query(
        "SELECT * FROM wording_rules WHERE office_uid = ? ORDER BY position", [office_uid]
    )
    return [
        WordingRule(row["find"], row["replacement"], tuple(json.loads(row["fields"])))
        for row in rows
    ]

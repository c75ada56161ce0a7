"""The change journal keeps every change in order, per task and per record."""

from sqlite_utils import Database

from kscdesk.store.history import HistoryEntry, list_for_entity, list_for_task, record_change


def entry(field: str, old: str | None, new: str | None, *, task: str = "t1") -> HistoryEntry:
    return HistoryEntry(
        at="",
        officer="Nguyễn Thị Lan",
        entity="progress",
        entity_uid=f"p-{task}",
        task_uid=task,
        field=field,
        old=old,
        new=new,
    )


def test_changes_are_listed_per_task_oldest_first(db: Database) -> None:
    record_change(db, entry("status", None, "in_progress"))
    record_change(db, entry("status", "in_progress", "done"))
    record_change(db, entry("status", None, "done", task="t2"))
    changes = list_for_task(db, "t1")
    assert [(c.old, c.new) for c in changes] == [(None, "in_progress"), ("in_progress", "done")]
    assert all(c.at and c.officer == "Nguyễn Thị Lan" for c in changes)


def test_changes_are_listed_per_record(db: Database) -> None:
    record_change(db, entry("note", "", "Đã ban hành"))
    record_change(db, entry("note", None, "x", task="t2"))
    assert [c.new for c in list_for_entity(db, "p-t1")] == ["Đã ban hành"]


def test_text_is_stored_nfc(db: Database) -> None:
    import unicodedata

    record_change(db, entry("note", None, unicodedata.normalize("NFD", "Hoàn thành")))
    assert list_for_task(db, "t1")[0].new == unicodedata.normalize("NFC", "Hoàn thành")

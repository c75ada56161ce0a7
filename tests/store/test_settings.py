import unicodedata

from sqlite_utils import Database

from kscdesk.store.settings import delete_setting, get_setting, set_setting


def test_an_unset_key_gives_the_default(db: Database) -> None:
    assert get_setting(db, "submission_day") is None
    assert get_setting(db, "submission_day", "17") == "17"


def test_a_set_value_replaces_the_earlier_one_and_is_stored_nfc(db: Database) -> None:
    set_setting(db, "signer", "Nguyễn Văn A")
    set_setting(db, "signer", unicodedata.normalize("NFD", "Trần Thị Bình"))
    assert get_setting(db, "signer") == "Trần Thị Bình"
    assert db.table("settings").count == 1


def test_a_deleted_key_falls_back_to_the_default(db: Database) -> None:
    set_setting(db, "signer", "Nguyễn Văn A")
    delete_setting(db, "signer")
    assert get_setting(db, "signer", "") == ""

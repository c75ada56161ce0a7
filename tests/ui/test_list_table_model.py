"""The list-backed table model the small tables share."""

from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QModelIndex, Qt

from kscdesk.ui.list_table_model import ListTableModel


class Names(ListTableModel):
    HEADERS = ("Tên", "Độ dài")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        name = self.items[index.row()]
        return name if index.column() == 0 else len(name)


def test_rows_come_from_the_list_and_columns_from_the_headers(qtmodeltester: ModelTester) -> None:
    model = Names()
    model.set_items(["Văn phòng – Thống kê", "Tư pháp – Hộ tịch"])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Độ dài"
    assert model.index(1, 0).data() == "Tư pháp – Hộ tịch"
    model.set_items([])
    assert model.rowCount() == 0

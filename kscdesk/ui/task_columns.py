"""The columns every task view shows, in order, and the index type Qt models take."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

ModelIndex = QModelIndex | QPersistentModelIndex

TASK_COLUMNS: tuple[str, ...] = (
    "STT",
    "Nội dung công việc",
    "Kết quả",
    "Chủ trì",
    "Phối hợp",
    "Thời gian",
)
NUMBER, CONTENT, OUTPUT, LEAD, COORDINATING, TIMEFRAME = range(len(TASK_COLUMNS))

# Generated from forms/*.ui by forms/compile.py; do not edit.
# mypy: ignore-errors
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSplitter, QTableView, QTreeView, QVBoxLayout

class Ui_PlanPanel(object):
    def setupUi(self, PlanPanel: Any) -> None:
        if not PlanPanel.objectName():
            PlanPanel.setObjectName(u"PlanPanel")
        PlanPanel.resize(1000, 700)
        self.panel_layout = QVBoxLayout(PlanPanel)
        self.panel_layout.setSpacing(8)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(12, 10, 12, 8)
        self.plan_row = QHBoxLayout()
        self.plan_row.setSpacing(8)
        self.plan_row.setObjectName(u"plan_row")
        self.plan_caption = QLabel(PlanPanel)
        self.plan_caption.setObjectName(u"plan_caption")

        self.plan_row.addWidget(self.plan_caption)

        self.plan_combo = QComboBox(PlanPanel)
        self.plan_combo.setObjectName(u"plan_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.plan_combo.sizePolicy().hasHeightForWidth())
        self.plan_combo.setSizePolicy(sizePolicy)
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(40)

        self.plan_row.addWidget(self.plan_combo)

        self.search_edit = QLineEdit(PlanPanel)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setMinimumSize(QSize(280, 0))
        self.search_edit.setClearButtonEnabled(True)

        self.plan_row.addWidget(self.search_edit)


        self.panel_layout.addLayout(self.plan_row)

        self.plan_info_label = QLabel(PlanPanel)
        self.plan_info_label.setObjectName(u"plan_info_label")
        self.plan_info_label.setWordWrap(True)

        self.panel_layout.addWidget(self.plan_info_label)

        self.splitter = QSplitter(PlanPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.section_tree = QTreeView(self.splitter)
        self.section_tree.setObjectName(u"section_tree")
        self.section_tree.setMinimumSize(QSize(120, 0))
        self.section_tree.setHeaderHidden(True)
        self.section_tree.setUniformRowHeights(True)
        self.section_tree.setWordWrap(False)
        self.splitter.addWidget(self.section_tree)
        self.task_table = QTableView(self.splitter)
        self.task_table.setObjectName(u"task_table")
        self.task_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_table.setAlternatingRowColors(True)
        self.task_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.task_table.setWordWrap(True)
        self.task_table.setSortingEnabled(True)
        self.splitter.addWidget(self.task_table)

        self.panel_layout.addWidget(self.splitter)

        self.count_label = QLabel(PlanPanel)
        self.count_label.setObjectName(u"count_label")

        self.panel_layout.addWidget(self.count_label)

        self.panel_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.plan_caption.setBuddy(self.plan_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanPanel)

        QMetaObject.connectSlotsByName(PlanPanel)
    # setupUi

    def retranslateUi(self, PlanPanel: Any) -> None:
        self.plan_caption.setText(QCoreApplication.translate("PlanPanel", u"K\u1ebf ho\u1ea1ch:", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("PlanPanel", u"T\u00ecm nhi\u1ec7m v\u1ee5 (g\u00f5 c\u00f3 d\u1ea5u ho\u1eb7c kh\u00f4ng d\u1ea5u)", None))
        pass
    # retranslateUi


# Generated from forms/*.ui by forms/compile.py; do not edit.
# mypy: ignore-errors
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QListWidget, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QStackedWidget, QTabWidget, QTableView, QTreeView, QVBoxLayout, QWidget

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog: Any) -> None:
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(1180, 760)
        ImportDialog.setMinimumSize(QSize(760, 480))
        ImportDialog.setAcceptDrops(True)
        self.dialog_layout = QVBoxLayout(ImportDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.dialog_layout.setContentsMargins(14, 12, 14, 12)
        self.step_stack = QStackedWidget(ImportDialog)
        self.step_stack.setObjectName(u"step_stack")
        self.choose_page = QWidget()
        self.choose_page.setObjectName(u"choose_page")
        self.choose_layout = QVBoxLayout(self.choose_page)
        self.choose_layout.setSpacing(12)
        self.choose_layout.setObjectName(u"choose_layout")
        self.intro_label = QLabel(self.choose_page)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.choose_layout.addWidget(self.intro_label)

        self.drop_frame = QFrame(self.choose_page)
        self.drop_frame.setObjectName(u"drop_frame")
        self.drop_frame.setMinimumSize(QSize(0, 220))
        self.drop_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_frame.setFrameShadow(QFrame.Shadow.Sunken)
        self.drop_layout = QVBoxLayout(self.drop_frame)
        self.drop_layout.setSpacing(14)
        self.drop_layout.setObjectName(u"drop_layout")
        self.drop_top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.drop_layout.addItem(self.drop_top_spacer)

        self.drop_label = QLabel(self.drop_frame)
        self.drop_label.setObjectName(u"drop_label")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setWordWrap(True)

        self.drop_layout.addWidget(self.drop_label)

        self.choose_button_row = QHBoxLayout()
        self.choose_button_row.setObjectName(u"choose_button_row")
        self.choose_left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choose_button_row.addItem(self.choose_left_spacer)

        self.choose_button = QPushButton(self.drop_frame)
        self.choose_button.setObjectName(u"choose_button")
        self.choose_button.setMinimumSize(QSize(180, 0))

        self.choose_button_row.addWidget(self.choose_button)

        self.choose_right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choose_button_row.addItem(self.choose_right_spacer)


        self.drop_layout.addLayout(self.choose_button_row)

        self.file_label = QLabel(self.drop_frame)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_label.setWordWrap(True)

        self.drop_layout.addWidget(self.file_label)

        self.progress_bar = QProgressBar(self.drop_frame)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setValue(0)

        self.drop_layout.addWidget(self.progress_bar)

        self.status_label = QLabel(self.drop_frame)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)

        self.drop_layout.addWidget(self.status_label)

        self.drop_bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.drop_layout.addItem(self.drop_bottom_spacer)


        self.choose_layout.addWidget(self.drop_frame)

        self.step_stack.addWidget(self.choose_page)
        self.preview_page = QWidget()
        self.preview_page.setObjectName(u"preview_page")
        self.preview_layout = QVBoxLayout(self.preview_page)
        self.preview_layout.setSpacing(8)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_layout = QFormLayout()
        self.facts_layout.setObjectName(u"facts_layout")
        self.facts_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts_layout.setHorizontalSpacing(12)
        self.facts_layout.setVerticalSpacing(4)
        self.title_caption = QLabel(self.preview_page)
        self.title_caption.setObjectName(u"title_caption")

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_caption)

        self.title_label = QLabel(self.preview_page)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_label)

        self.issuer_caption = QLabel(self.preview_page)
        self.issuer_caption.setObjectName(u"issuer_caption")

        self.facts_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuer_caption)

        self.issuer_label = QLabel(self.preview_page)
        self.issuer_label.setObjectName(u"issuer_label")
        self.issuer_label.setWordWrap(True)
        self.issuer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.facts_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuer_label)

        self.year_caption = QLabel(self.preview_page)
        self.year_caption.setObjectName(u"year_caption")

        self.facts_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.year_caption)

        self.year_label = QLabel(self.preview_page)
        self.year_label.setObjectName(u"year_label")

        self.facts_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.year_label)

        self.decision_caption = QLabel(self.preview_page)
        self.decision_caption.setObjectName(u"decision_caption")

        self.facts_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.decision_caption)

        self.decision_label = QLabel(self.preview_page)
        self.decision_label.setObjectName(u"decision_label")
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.facts_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.decision_label)

        self.source_caption = QLabel(self.preview_page)
        self.source_caption.setObjectName(u"source_caption")

        self.facts_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.source_caption)

        self.source_label = QLabel(self.preview_page)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.facts_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.source_label)

        self.counts_caption = QLabel(self.preview_page)
        self.counts_caption.setObjectName(u"counts_caption")

        self.facts_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.counts_caption)

        self.counts_label = QLabel(self.preview_page)
        self.counts_label.setObjectName(u"counts_label")
        self.counts_label.setWordWrap(True)

        self.facts_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.counts_label)


        self.preview_layout.addLayout(self.facts_layout)

        self.preview_tabs = QTabWidget(self.preview_page)
        self.preview_tabs.setObjectName(u"preview_tabs")
        self.tasks_tab = QWidget()
        self.tasks_tab.setObjectName(u"tasks_tab")
        self.tasks_layout = QVBoxLayout(self.tasks_tab)
        self.tasks_layout.setObjectName(u"tasks_layout")
        self.tasks_layout.setContentsMargins(4, 4, 4, 4)
        self.preview_splitter = QSplitter(self.tasks_tab)
        self.preview_splitter.setObjectName(u"preview_splitter")
        self.preview_splitter.setOrientation(Qt.Orientation.Vertical)
        self.preview_splitter.setChildrenCollapsible(False)
        self.task_tree = QTreeView(self.preview_splitter)
        self.task_tree.setObjectName(u"task_tree")
        self.task_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.task_tree.setIndentation(14)
        self.task_tree.setUniformRowHeights(False)
        self.task_tree.setWordWrap(True)
        self.preview_splitter.addWidget(self.task_tree)
        self.warnings_box = QGroupBox(self.preview_splitter)
        self.warnings_box.setObjectName(u"warnings_box")
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.warnings_layout.setSpacing(4)
        self.warnings_layout.setObjectName(u"warnings_layout")
        self.warnings_hint_label = QLabel(self.warnings_box)
        self.warnings_hint_label.setObjectName(u"warnings_hint_label")
        self.warnings_hint_label.setWordWrap(True)

        self.warnings_layout.addWidget(self.warnings_hint_label)

        self.warning_list = QListWidget(self.warnings_box)
        self.warning_list.setObjectName(u"warning_list")
        self.warning_list.setWordWrap(True)
        self.warning_list.setAlternatingRowColors(True)

        self.warnings_layout.addWidget(self.warning_list)

        self.preview_splitter.addWidget(self.warnings_box)

        self.tasks_layout.addWidget(self.preview_splitter)

        self.preview_tabs.addTab(self.tasks_tab, "")
        self.indicators_tab = QWidget()
        self.indicators_tab.setObjectName(u"indicators_tab")
        self.indicators_layout = QVBoxLayout(self.indicators_tab)
        self.indicators_layout.setObjectName(u"indicators_layout")
        self.indicators_layout.setContentsMargins(4, 4, 4, 4)
        self.indicator_table = QTableView(self.indicators_tab)
        self.indicator_table.setObjectName(u"indicator_table")
        self.indicator_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicator_table.setAlternatingRowColors(True)
        self.indicator_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicator_table.setWordWrap(True)

        self.indicators_layout.addWidget(self.indicator_table)

        self.preview_tabs.addTab(self.indicators_tab, "")

        self.preview_layout.addWidget(self.preview_tabs)

        self.step_stack.addWidget(self.preview_page)

        self.dialog_layout.addWidget(self.step_stack)

        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(8)
        self.button_row.setObjectName(u"button_row")
        self.choose_other_button = QPushButton(ImportDialog)
        self.choose_other_button.setObjectName(u"choose_other_button")

        self.button_row.addWidget(self.choose_other_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.save_button = QPushButton(ImportDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_row.addWidget(self.save_button)

        self.cancel_button = QPushButton(ImportDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)


        self.dialog_layout.addLayout(self.button_row)


        self.retranslateUi(ImportDialog)

        self.preview_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog: Any) -> None:
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Nh\u1eadp k\u1ebf ho\u1ea1ch c\u1ea5p tr\u00ean", None))
        self.intro_label.setText(QCoreApplication.translate("ImportDialog", u"Ch\u1ecdn t\u1ec7p k\u1ebf ho\u1ea1ch ki\u1ec3m so\u00e1t th\u1ee7 t\u1ee5c h\u00e0nh ch\u00ednh do c\u1ea5p tr\u00ean ban h\u00e0nh: t\u1ec7p Word (.docx), Excel (.xlsx) ho\u1eb7c g\u00f3i k\u1ebf ho\u1ea1ch (.json). Ch\u01b0\u01a1ng tr\u00ecnh \u0111\u1ecdc t\u1ec7p v\u00e0 cho xem tr\u01b0\u1edbc c\u00e1c m\u1ee5c, nhi\u1ec7m v\u1ee5, ch\u1ec9 ti\u00eau v\u00e0 c\u1ea3nh b\u00e1o; k\u1ebf ho\u1ea1ch ch\u1ec9 \u0111\u01b0\u1ee3c l\u01b0u khi b\u1ea1n b\u1ea5m \u201cL\u01b0u k\u1ebf ho\u1ea1ch\u201d.", None))
        self.drop_label.setText(QCoreApplication.translate("ImportDialog", u"K\u00e9o th\u1ea3 t\u1ec7p k\u1ebf ho\u1ea1ch v\u00e0o c\u1eeda s\u1ed5 n\u00e0y, ho\u1eb7c", None))
        self.choose_button.setText(QCoreApplication.translate("ImportDialog", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.progress_bar.setFormat(QCoreApplication.translate("ImportDialog", u"%p%", None))
        self.title_caption.setText(QCoreApplication.translate("ImportDialog", u"T\u00ean k\u1ebf ho\u1ea1ch:", None))
        self.issuer_caption.setText(QCoreApplication.translate("ImportDialog", u"C\u01a1 quan ban h\u00e0nh:", None))
        self.year_caption.setText(QCoreApplication.translate("ImportDialog", u"C\u1ea5p, n\u0103m:", None))
        self.decision_caption.setText(QCoreApplication.translate("ImportDialog", u"Ban h\u00e0nh k\u00e8m theo:", None))
        self.source_caption.setText(QCoreApplication.translate("ImportDialog", u"T\u1ec7p ngu\u1ed3n:", None))
        self.counts_caption.setText(QCoreApplication.translate("ImportDialog", u"\u0110\u00e3 \u0111\u1ecdc \u0111\u01b0\u1ee3c:", None))
        self.warnings_box.setTitle(QCoreApplication.translate("ImportDialog", u"C\u1ea3nh b\u00e1o", None))
        self.warnings_hint_label.setText(QCoreApplication.translate("ImportDialog", u"B\u1ea5m v\u00e0o m\u1ed9t c\u1ea3nh b\u00e1o \u0111\u1ec3 xem d\u00f2ng nhi\u1ec7m v\u1ee5 li\u00ean quan (t\u00f4 m\u00e0u cam trong b\u1ea3ng).", None))
        self.preview_tabs.setTabText(self.preview_tabs.indexOf(self.tasks_tab), QCoreApplication.translate("ImportDialog", u"M\u1ee5c v\u00e0 nhi\u1ec7m v\u1ee5", None))
        self.preview_tabs.setTabText(self.preview_tabs.indexOf(self.indicators_tab), QCoreApplication.translate("ImportDialog", u"Ch\u1ec9 ti\u00eau", None))
        self.choose_other_button.setText(QCoreApplication.translate("ImportDialog", u"Ch\u1ecdn t\u1ec7p kh\u00e1c\u2026", None))
        self.save_button.setText(QCoreApplication.translate("ImportDialog", u"L\u01b0u k\u1ebf ho\u1ea1ch", None))
        self.cancel_button.setText(QCoreApplication.translate("ImportDialog", u"H\u1ee7y", None))
    # retranslateUi


# Generated from forms/*.ui by forms/compile.py; do not edit.
# mypy: ignore-errors
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_EvidenceDialog(object):
    def setupUi(self, EvidenceDialog: Any) -> None:
        if not EvidenceDialog.objectName():
            EvidenceDialog.setObjectName(u"EvidenceDialog")
        EvidenceDialog.resize(900, 520)
        EvidenceDialog.setAcceptDrops(True)
        self.dialog_layout = QVBoxLayout(EvidenceDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.citation_layout = QHBoxLayout()
        self.citation_layout.setObjectName(u"citation_layout")
        self.citation_caption = QLabel(EvidenceDialog)
        self.citation_caption.setObjectName(u"citation_caption")

        self.citation_layout.addWidget(self.citation_caption)

        self.citation_edit = QLineEdit(EvidenceDialog)
        self.citation_edit.setObjectName(u"citation_edit")

        self.citation_layout.addWidget(self.citation_edit)


        self.dialog_layout.addLayout(self.citation_layout)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.kind_caption = QLabel(EvidenceDialog)
        self.kind_caption.setObjectName(u"kind_caption")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_caption)

        self.kind_combo = QComboBox(EvidenceDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.number_caption = QLabel(EvidenceDialog)
        self.number_caption.setObjectName(u"number_caption")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_caption)

        self.number_edit = QLineEdit(EvidenceDialog)
        self.number_edit.setObjectName(u"number_edit")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.number_edit)

        self.date_caption = QLabel(EvidenceDialog)
        self.date_caption.setObjectName(u"date_caption")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_caption)

        self.date_edit = QLineEdit(EvidenceDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setMaximumSize(QSize(140, 16777215))

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.issuer_caption = QLabel(EvidenceDialog)
        self.issuer_caption.setObjectName(u"issuer_caption")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuer_caption)

        self.issuer_edit = QLineEdit(EvidenceDialog)
        self.issuer_edit.setObjectName(u"issuer_edit")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuer_edit)

        self.summary_caption = QLabel(EvidenceDialog)
        self.summary_caption.setObjectName(u"summary_caption")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summary_caption)

        self.summary_edit = QPlainTextEdit(EvidenceDialog)
        self.summary_edit.setObjectName(u"summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumSize(QSize(16777215, 64))

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summary_edit)

        self.tasks_caption = QLabel(EvidenceDialog)
        self.tasks_caption.setObjectName(u"tasks_caption")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tasks_caption)

        self.tasks_list = QListWidget(EvidenceDialog)
        self.tasks_list.setObjectName(u"tasks_list")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tasks_list)

        self.files_caption = QLabel(EvidenceDialog)
        self.files_caption.setObjectName(u"files_caption")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.files_caption)

        self.files_layout = QVBoxLayout()
        self.files_layout.setObjectName(u"files_layout")
        self.files_list = QListWidget(EvidenceDialog)
        self.files_list.setObjectName(u"files_list")
        self.files_list.setMaximumSize(QSize(16777215, 80))

        self.files_layout.addWidget(self.files_list)

        self.file_buttons_layout = QHBoxLayout()
        self.file_buttons_layout.setObjectName(u"file_buttons_layout")
        self.add_file_button = QPushButton(EvidenceDialog)
        self.add_file_button.setObjectName(u"add_file_button")

        self.file_buttons_layout.addWidget(self.add_file_button)

        self.remove_file_button = QPushButton(EvidenceDialog)
        self.remove_file_button.setObjectName(u"remove_file_button")

        self.file_buttons_layout.addWidget(self.remove_file_button)

        self.drop_hint_label = QLabel(EvidenceDialog)
        self.drop_hint_label.setObjectName(u"drop_hint_label")

        self.file_buttons_layout.addWidget(self.drop_hint_label)

        self.file_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.file_buttons_layout.addItem(self.file_buttons_spacer)


        self.files_layout.addLayout(self.file_buttons_layout)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.files_layout)


        self.dialog_layout.addLayout(self.fields_layout)

        self.suggestion_frame = QFrame(EvidenceDialog)
        self.suggestion_frame.setObjectName(u"suggestion_frame")
        self.suggestion_frame.setFrameShape(QFrame.StyledPanel)
        self.suggestion_layout = QHBoxLayout(self.suggestion_frame)
        self.suggestion_layout.setObjectName(u"suggestion_layout")
        self.suggestion_layout.setContentsMargins(6, 4, 6, 4)
        self.suggestion_label = QLabel(self.suggestion_frame)
        self.suggestion_label.setObjectName(u"suggestion_label")
        self.suggestion_label.setWordWrap(True)

        self.suggestion_layout.addWidget(self.suggestion_label)

        self.use_suggestion_button = QPushButton(self.suggestion_frame)
        self.use_suggestion_button.setObjectName(u"use_suggestion_button")

        self.suggestion_layout.addWidget(self.use_suggestion_button)

        self.suggestion_layout.setStretch(0, 1)

        self.dialog_layout.addWidget(self.suggestion_frame)

        self.message_label = QLabel(EvidenceDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(EvidenceDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.button_box)

        self.dialog_layout.setStretch(1, 1)

        self.retranslateUi(EvidenceDialog)

        QMetaObject.connectSlotsByName(EvidenceDialog)
    # setupUi

    def retranslateUi(self, EvidenceDialog: Any) -> None:
        EvidenceDialog.setWindowTitle(QCoreApplication.translate("EvidenceDialog", u"Th\u00eam minh ch\u1ee9ng", None))
        self.citation_caption.setText(QCoreApplication.translate("EvidenceDialog", u"D\u00e1n tr\u00edch d\u1eabn:", None))
        self.citation_edit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"K\u1ebf ho\u1ea1ch s\u1ed1 56/KH-UBND ng\u00e0y 09/3/2022 c\u1ee7a UBND ph\u01b0\u1eddng \u2026 v\u1ec1 \u2026", None))
#if QT_CONFIG(tooltip)
        self.citation_edit.setToolTip(QCoreApplication.translate("EvidenceDialog", u"D\u00e1n tr\u00edch d\u1eabn v\u0103n b\u1ea3n: c\u00e1c \u00f4 b\u00ean d\u01b0\u1edbi \u0111\u01b0\u1ee3c \u0111i\u1ec1n t\u1ef1 \u0111\u1ed9ng.", None))
#endif // QT_CONFIG(tooltip)
        self.kind_caption.setText(QCoreApplication.translate("EvidenceDialog", u"Lo\u1ea1i v\u0103n b\u1ea3n:", None))
        self.number_caption.setText(QCoreApplication.translate("EvidenceDialog", u"S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"35/Q\u0110-UBND", None))
        self.date_caption.setText(QCoreApplication.translate("EvidenceDialog", u"Ng\u00e0y ban h\u00e0nh:", None))
        self.date_edit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"dd/mm/yyyy", None))
        self.issuer_caption.setText(QCoreApplication.translate("EvidenceDialog", u"C\u01a1 quan ban h\u00e0nh:", None))
        self.issuer_edit.setPlaceholderText(QCoreApplication.translate("EvidenceDialog", u"UBND ph\u01b0\u1eddng \u2026", None))
        self.summary_caption.setText(QCoreApplication.translate("EvidenceDialog", u"Tr\u00edch y\u1ebfu:", None))
        self.tasks_caption.setText(QCoreApplication.translate("EvidenceDialog", u"D\u00f9ng cho nhi\u1ec7m v\u1ee5:", None))
#if QT_CONFIG(tooltip)
        self.tasks_list.setToolTip(QCoreApplication.translate("EvidenceDialog", u"M\u1ed9t minh ch\u1ee9ng c\u00f3 th\u1ec3 d\u00f9ng cho nhi\u1ec1u nhi\u1ec7m v\u1ee5: \u0111\u00e1nh d\u1ea5u ch\u00fang.", None))
#endif // QT_CONFIG(tooltip)
        self.files_caption.setText(QCoreApplication.translate("EvidenceDialog", u"T\u1ec7p \u0111\u00ednh k\u00e8m:", None))
        self.add_file_button.setText(QCoreApplication.translate("EvidenceDialog", u"Th\u00eam t\u1ec7p\u2026", None))
        self.remove_file_button.setText(QCoreApplication.translate("EvidenceDialog", u"B\u1ecf t\u1ec7p", None))
        self.drop_hint_label.setText(QCoreApplication.translate("EvidenceDialog", u"ho\u1eb7c k\u00e9o th\u1ea3 t\u1ec7p v\u00e0o c\u1eeda s\u1ed5 n\u00e0y", None))
        self.suggestion_label.setText("")
        self.use_suggestion_button.setText(QCoreApplication.translate("EvidenceDialog", u"\u0110i\u1ec1n theo t\u1ec7p", None))
        self.message_label.setText("")
    # retranslateUi


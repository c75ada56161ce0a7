# Generated from forms/*.ui by forms/compile.py; do not edit.
# mypy: ignore-errors
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog: Any) -> None:
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(520, 300)
        self.dialog_layout = QVBoxLayout(AboutDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.dialog_layout.setContentsMargins(20, 20, 20, 16)
        self.title_label = QLabel(AboutDialog)
        self.title_label.setObjectName(u"title_label")

        self.dialog_layout.addWidget(self.title_label)

        self.description_label = QLabel(AboutDialog)
        self.description_label.setObjectName(u"description_label")
        self.description_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.description_label)

        self.facts_layout = QFormLayout()
        self.facts_layout.setObjectName(u"facts_layout")
        self.facts_layout.setHorizontalSpacing(12)
        self.version_caption = QLabel(AboutDialog)
        self.version_caption.setObjectName(u"version_caption")

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.version_caption)

        self.version_label = QLabel(AboutDialog)
        self.version_label.setObjectName(u"version_label")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.version_label)

        self.data_folder_caption = QLabel(AboutDialog)
        self.data_folder_caption.setObjectName(u"data_folder_caption")

        self.facts_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.data_folder_caption)

        self.data_folder_row = QHBoxLayout()
        self.data_folder_row.setObjectName(u"data_folder_row")
        self.data_folder_label = QLabel(AboutDialog)
        self.data_folder_label.setObjectName(u"data_folder_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.data_folder_label.sizePolicy().hasHeightForWidth())
        self.data_folder_label.setSizePolicy(sizePolicy)
        self.data_folder_label.setWordWrap(True)
        self.data_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.data_folder_row.addWidget(self.data_folder_label)

        self.open_data_folder_button = QPushButton(AboutDialog)
        self.open_data_folder_button.setObjectName(u"open_data_folder_button")

        self.data_folder_row.addWidget(self.open_data_folder_button)


        self.facts_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.data_folder_row)

        self.log_folder_caption = QLabel(AboutDialog)
        self.log_folder_caption.setObjectName(u"log_folder_caption")

        self.facts_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.log_folder_caption)

        self.log_folder_row = QHBoxLayout()
        self.log_folder_row.setObjectName(u"log_folder_row")
        self.log_folder_label = QLabel(AboutDialog)
        self.log_folder_label.setObjectName(u"log_folder_label")
        sizePolicy.setHeightForWidth(self.log_folder_label.sizePolicy().hasHeightForWidth())
        self.log_folder_label.setSizePolicy(sizePolicy)
        self.log_folder_label.setWordWrap(True)
        self.log_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.log_folder_row.addWidget(self.log_folder_label)

        self.open_log_folder_button = QPushButton(AboutDialog)
        self.open_log_folder_button.setObjectName(u"open_log_folder_button")

        self.log_folder_row.addWidget(self.open_log_folder_button)


        self.facts_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.log_folder_row)


        self.dialog_layout.addLayout(self.facts_layout)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(AboutDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(AboutDialog)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog: Any) -> None:
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Gi\u1edbi thi\u1ec7u kscdesk", None))
        self.title_label.setText(QCoreApplication.translate("AboutDialog", u"kscdesk", None))
        self.description_label.setText(QCoreApplication.translate("AboutDialog", u"Ph\u1ea7n m\u1ec1m gi\u00fap UBND x\u00e3, ph\u01b0\u1eddng l\u1eadp k\u1ebf ho\u1ea1ch ho\u1ea1t \u0111\u1ed9ng ki\u1ec3m so\u00e1t th\u1ee7 t\u1ee5c h\u00e0nh ch\u00ednh t\u1eeb k\u1ebf ho\u1ea1ch c\u1ea5p tr\u00ean, theo d\u00f5i ti\u1ebfn \u0111\u1ed9, minh ch\u1ee9ng, ch\u1ec9 ti\u00eau v\u00e0 l\u1eadp b\u00e1o c\u00e1o \u0111\u1ecbnh k\u1ef3.", None))
        self.version_caption.setText(QCoreApplication.translate("AboutDialog", u"Phi\u00ean b\u1ea3n:", None))
        self.data_folder_caption.setText(QCoreApplication.translate("AboutDialog", u"Th\u01b0 m\u1ee5c d\u1eef li\u1ec7u:", None))
        self.open_data_folder_button.setText(QCoreApplication.translate("AboutDialog", u"M\u1edf &th\u01b0 m\u1ee5c", None))
        self.log_folder_caption.setText(QCoreApplication.translate("AboutDialog", u"Th\u01b0 m\u1ee5c nh\u1eadt k\u00fd:", None))
        self.open_log_folder_button.setText(QCoreApplication.translate("AboutDialog", u"M\u1edf th\u01b0 m\u1ee5c &nh\u1eadt k\u00fd", None))
    # retranslateUi


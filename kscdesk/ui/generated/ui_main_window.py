# Generated from forms/*.ui by forms/compile.py; do not edit.
# mypy: ignore-errors
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QMenuBar, QStackedWidget, QStatusBar, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow: Any) -> None:
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setMinimumSize(QSize(900, 560))
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QHBoxLayout(self.central_widget)
        self.central_layout.setSpacing(0)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.nav_list = QListWidget(self.central_widget)
        self.nav_list.setObjectName(u"nav_list")
        self.nav_list.setMinimumSize(QSize(170, 0))
        self.nav_list.setMaximumSize(QSize(170, 16777215))
        self.nav_list.setFrameShape(QFrame.Shape.NoFrame)
        self.nav_list.setIconSize(QSize(24, 24))
        self.nav_list.setSpacing(2)

        self.central_layout.addWidget(self.nav_list)

        self.panel_stack = QStackedWidget(self.central_widget)
        self.panel_stack.setObjectName(u"panel_stack")

        self.central_layout.addWidget(self.panel_stack)

        MainWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(MainWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        MainWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(MainWindow)
        self.status_bar.setObjectName(u"status_bar")
        MainWindow.setStatusBar(self.status_bar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow: Any) -> None:
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"kscdesk \u2013 Ki\u1ec3m so\u00e1t th\u1ee7 t\u1ee5c h\u00e0nh ch\u00ednh", None))
#if QT_CONFIG(accessibility)
        self.nav_list.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u0110i\u1ec1u h\u01b0\u1edbng", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


// The Qt and standard headers most of the project's files include, compiled once per build tree
// when CHANNELTRAY_PCH is on (cmake/ChannelTrayPch.cmake). Only a build's speed depends on this
// file: every source still includes what it uses, and builds without it (the default) check that.
// Each header is guarded, because a target whose compiler rejects the precompiled copy reads this
// file as text, with its own include paths (a core library has no QtWidgets path, for instance).
// No QtTest header: qtest.h reads per-target macros (QT_TESTCASE_BUILDDIR, QT_WIDGETS_LIB).
#pragma once

#include <QtCore>

#if __has_include(<QtNetwork/QNetworkAccessManager>)
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#endif
#if __has_include(<QtWebSockets/QWebSocket>)
#include <QtWebSockets/QWebSocket>
#endif
#if __has_include(<QtDBus/QDBusConnection>)
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#endif
#if __has_include(<QtSql/QSqlDatabase>)
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#endif
#if __has_include(<QtWidgets/QWidget>)
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>
#include <QtWidgets/QWidget>
#endif

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

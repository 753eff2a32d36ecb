#pragma once
// Shared by the config suites: a small valid config that each test bends one way.
#include "config/configeditor.h"
#include "config/configloader.h"

#include <QJsonDocument>
#include <QtTest>

namespace configtest {

inline QJsonObject validBase()
{
    return QJsonDocument::fromJson(R"({
      "channels": {
        "multi-openim": {
          "accounts": {
            "primary": { "token": "t-primary", "wsAddr": "ws://127.0.0.1:10001",
                         "apiAddr": "http://127.0.0.1:10002" }
          }
        },
        "gotify": {
          "accounts": {
            "ops": { "serverUrl": "http://127.0.0.1:8080", "appToken": "A", "clientToken": "C" }
          }
        }
      }
    })")
        .object();
}

inline QJsonValue jsonValue(const QByteArray &text)
{
    // Wrap so that scalars parse too.
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

inline QJsonObject withValue(QJsonObject root, const QStringList &path, const QJsonValue &value)
{
    QString error;
    if (!ct::ConfigEditor::setAt(root, path, value, &error))
        qFatal("test setup: %s", qPrintable(error));
    return root;
}

inline QString dataFile(const QString &name)
{
    return QStringLiteral(CONFIG_TEST_DATA_DIR "/") + name;
}

} // namespace configtest

#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

namespace configtest {

// Set `value` (JSON text) at dotted `path` of the valid base config; expect exactly `expected`.
struct ValidationCase
{
    const char *name;
    QString path;
    QByteArray value;
    QString expected;
};

QList<ValidationCase> oneWrongValueCases();

} // namespace configtest

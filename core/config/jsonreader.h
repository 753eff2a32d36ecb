#pragma once
// Typed reads out of a QJsonObject that never stop at the first mistake: every read that finds
// a value of the wrong shape records a ConfigProblem and leaves the caller's default alone.
// An absent key and a JSON null both mean "not set".
#include "configproblem.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <climits>

namespace ct {

class JsonReader
{
public:
    // Whether a string's value may be echoed in a problem message. Tokens never are.
    enum class Echo { Value, Hide };

    void addProblem(const QString &path, const QString &message);
    const QList<ConfigProblem> &problems() const { return m_problems; }

    // Each read returns true when the key holds a valid value (and stores it in `out`);
    // false when it is absent, null, or invalid (invalid ones are recorded as problems).
    bool readBool(const QJsonObject &obj, const QString &parent, const QString &key, bool &out);
    bool readInt(const QJsonObject &obj, const QString &parent, const QString &key, int &out,
                 int minimum = INT_MIN);
    // An integer from `minimum` to `maximum` (Gotify priorities: 0 to 10).
    bool readIntInRange(const QJsonObject &obj, const QString &parent, const QString &key, int &out, int minimum,
                        int maximum);
    // An integer that must be at least 1 (delays, attempts, intervals, timeouts).
    bool readPositiveInt(const QJsonObject &obj, const QString &parent, const QString &key, int &out);
    bool readString(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                    Echo echo = Echo::Value);
    // An array of strings; with `acceptSingle`, a lone string counts as a one-element list.
    bool readStringList(const QJsonObject &obj, const QString &parent, const QString &key, QStringList &out,
                        bool acceptSingle = false);
    bool readObject(const QJsonObject &obj, const QString &parent, const QString &key, QJsonObject &out);
    // An object whose every value is a string ({"Header": "value"}).
    bool readStringMap(const QJsonObject &obj, const QString &parent, const QString &key,
                       QMap<QString, QString> &out);
    // A URL whose scheme is one of `schemes` (lower case) and that names a host.
    bool readUrl(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                 const QStringList &schemes);

    // Like readUrl, but an absent value is a problem too.
    bool requireUrl(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                    const QStringList &schemes);
    // Checks a URL string the same way readUrl does; records a problem at `path` if bad.
    bool checkUrl(const QString &path, const QString &url, const QStringList &schemes);

    // "a ws:// or wss:// URL", "an http:// or https:// URL"
    static QString urlExpectation(const QStringList &schemes);
    // The schemes of a REST address (http, https) and of a stream address (ws, wss); built on
    // first use, not by a static initializer.
    static const QStringList &httpSchemes();
    static const QStringList &wsSchemes();
    static QString join(const QString &parent, const QString &key);
    // A short rendering of a JSON value for messages: "x" quoted, numbers, true/false, null,
    // "an array", "an object".
    static QString describe(const QJsonValue &value);
    static QString quoted(const QString &text);
    // What a URL looks like with its user info, query and fragment hidden (they may carry secrets).
    static QString safeUrlForMessage(const QString &url);

private:
    static bool isSet(const QJsonObject &obj, const QString &key);
    QList<ConfigProblem> m_problems;
};

} // namespace ct

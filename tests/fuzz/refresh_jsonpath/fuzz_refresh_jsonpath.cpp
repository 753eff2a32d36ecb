// Fuzzer of the dot paths of refresh recipes (responseTokenPath, stateWriteBack): any path into
// any JSON answer finds a value or nothing, never crashes; the "first" lookups agree with the
// single one and say which path matched.
//
// Input: JSON NUL path NUL path ...
#include "../fuzzsupport.h"
#include "refresh/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const QJsonDocument doc = QJsonDocument::fromJson(in.until('\0'));
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    QStringList paths;
    for (int i = 0; i < 8; ++i) {
        const QByteArray p = in.until('\0');
        paths << QString::fromUtf8(p);
        if (p.isEmpty())
            break;
    }
    for (const QString &path : paths)
        (void)jsonPathValue(root, path);

    QString matched = QStringLiteral("unset");
    if (const auto first = jsonPathFirst(root, paths, &matched)) {
        FUZZ_CHECK(paths.contains(matched), matched);
        const auto single = jsonPathValue(root, matched);
        FUZZ_CHECK(single && *single == *first && !first->isNull(), matched);
    } else {
        for (const QString &path : paths) {
            const auto v = jsonPathValue(root, path);
            FUZZ_CHECK(!v || v->isNull(), path);
        }
    }
    matched = QStringLiteral("unset");
    if (const auto s = jsonPathFirstString(root, paths, &matched)) {
        FUZZ_CHECK(!s->isEmpty() && paths.contains(matched), matched);
        FUZZ_CHECK(jsonPathValue(root, matched)->toString() == *s, matched);
    }
    return 0;
}

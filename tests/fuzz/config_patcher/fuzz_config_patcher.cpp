// Fuzzer of the refreshed-token patch (ConfigTokenPatcher::patchString over a real file, on
// tmpfs: ConfigDocument under it). Properties beside "no crash, no leak":
//   - a patch that succeeds changed only the bytes of the one value it replaced: everything
//     before and after that value's old text is byte for byte as it was, the file reads back
//     with the new value at the key path, and as the same object otherwise;
//   - a patch that fails left the file byte for byte as it was;
//   - the error names the key path and the file, never the new or the old value (tokens).
//
// Input: accountId NUL newValue NUL file text (JSON5). The key path is an OpenIM account's token.
#include "../fuzzsupport.h"
#include "config/configdocument.h"
#include "refresh/configtokenpatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace ct;

namespace {
// tmpfs when there is one: the patch commits with fsync on every run.
QString scratchFile()
{
    static QTemporaryDir *dir = nullptr;
    if (!dir) {
        const QFileInfo shm(QStringLiteral("/dev/shm"));
        dir = new QTemporaryDir((shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath())
                                + QStringLiteral("/ct-fuzz-patch-XXXXXX"));
    }
    return dir->filePath(QStringLiteral("openclaw.json"));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// `object` with `value` at `path` (every parent an object: the patch only replaces a string).
QJsonObject withValue(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), withValue(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const QString accountId = QString::fromUtf8(in.until('\0'));
    const QString newValue = QString::fromUtf8(in.until('\0'));
    const QByteArray before = in.rest();
    const QStringList keyPath = ConfigTokenPatcher::openImTokenPath(accountId);

    const QString path = scratchFile();
    {
        QFile f(path);
        FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(before) == before.size(), path);
    }
    QString error;
    const bool patched = ConfigTokenPatcher::patchString(path, keyPath, newValue, &error);
    const QByteArray after = readAll(path);
    const auto doc = ConfigDocument::fromText(before);
    const Json5Node *old = doc ? doc->nodeAt(keyPath) : nullptr;

    // Secrets: long enough not to be a word of the message by chance, and not part of the
    // account id, the file path or the file's other text (keys, which a parse error may name),
    // nor of the JSON path where the parse stopped (its keys decoded: `\;` in the file is `;`).
    Json5Error parseError;
    const bool parses = parseJson5(before, &parseError).has_value();
    const auto notQuoted = [&](const QString &secret) {
        return secret.size() < 12 || accountId.contains(secret) || path.contains(secret)
               || QString::fromUtf8(before).count(secret) > (old && old->scalar.toString() == secret ? 1 : 0)
               || (!parses && parseError.path.contains(secret)) || !error.contains(secret);
    };
    FUZZ_CHECK(notQuoted(newValue), QStringLiteral("the error quotes the new value: %1").arg(error));
    if (old)
        FUZZ_CHECK(notQuoted(old->scalar.toString()),
                   QStringLiteral("the error quotes the old value: %1").arg(error));

    if (!patched) {
        FUZZ_CHECK(after == before, QStringLiteral("a failed patch changed the file: %1").arg(error));
        FUZZ_CHECK(!error.contains(QLatin1String("did not verify")), error);
        return 0;
    }
    FUZZ_CHECK(doc && old && old->kind == Json5Node::Kind::String, QStringLiteral("patched what is not a string"));
    FUZZ_CHECK(after.startsWith(before.left(old->begin)) && after.endsWith(before.mid(old->end))
                   && after.size() >= old->begin + (before.size() - old->end),
               QStringLiteral("bytes outside the value changed"));
    const auto reread = ConfigDocument::fromText(after);
    FUZZ_CHECK(reread, QStringLiteral("the patched file does not parse"));
    const Json5Node *now = reread->nodeAt(keyPath);
    FUZZ_CHECK(now && now->kind == Json5Node::Kind::String && now->scalar.toString() == newValue,
               QStringLiteral("the patched file reads another value"));
    FUZZ_CHECK(sameJson(reread->object(), withValue(doc->object(), keyPath, newValue)),
               QStringLiteral("the patch changed another value"));
    return 0;
}

#include "configsaver.h"

#include "atomicfile.h"
#include "logging/logging.h"
#include "userpath.h"

#include <QJsonDocument>

namespace ct {

bool saveConfigJson(const QString &path, const QJsonObject &root, QString *error)
{
    const QString file = expandUserPath(path);
    QString why = QStringLiteral("no file name");
    // Tokens may be inside: the file is 0600 on every save.
    if (!file.isEmpty()
        && writeFileAtomically(file, QJsonDocument(root).toJson(QJsonDocument::Indented), &why,
                               true, FileMode::OwnerOnly)) {
        qCDebug(lcConfig) << "saved" << file;
        return true;
    }
    const QString message = QStringLiteral("cannot save the config: %1").arg(why);
    qCWarning(lcConfig).noquote() << message;
    if (error)
        *error = message;
    return false;
}

} // namespace ct

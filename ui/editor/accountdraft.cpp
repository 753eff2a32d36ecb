#include "accountdraft.h"

#include "config/configeditor.h"

namespace ct::ui {

QJsonObject AccountDraft::applyTo(QJsonObject root, QString *error) const
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!ConfigEditor::setAccountField(root, address, it.key(), it.value(), error))
            return {};
    }
    for (auto it = channelFields.begin(); it != channelFields.end(); ++it) {
        const QStringList path = QStringList{QStringLiteral("channels"), address.channel}
                                 + it.key().split(QLatin1Char('.'));
        if (!ConfigEditor::setAt(root, path, it.value(), error))
            return {};
    }
    return root;
}

} // namespace ct::ui

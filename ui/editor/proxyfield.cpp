#include "proxyfield.h"

#include "fieldnote.h"
#include "formrows.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QMap>

namespace ct::ui {

namespace {
const QString kKey = QStringLiteral("proxy");
}

ProxyField::ProxyField(QObject *parent) : QObject(parent), m_edit(new QLineEdit), m_note(new FieldNote)
{
    m_edit->setAccessibleName(tr("Proxy"));
    m_edit->setPlaceholderText(tr("system (default), none, http://host:port or socks5://host:port"));
    m_edit->setClearButtonEnabled(true);
    m_note->setHint(hint());
    connect(m_edit, &QLineEdit::textChanged, this, &ProxyField::changed);
}

QString ProxyField::hint()
{
    return tr("Empty: the system's proxy (never for servers on this machine).");
}

void ProxyField::addTo(QFormLayout *form)
{
    addLabelledRow(form, tr("Pro&xy:"), m_edit, withNote(m_edit, m_note));
}

void ProxyField::load(const QString &proxy)
{
    m_hadValue = !proxy.trimmed().isEmpty();
    m_edit->setText(proxy);
}

void ProxyField::writeTo(QJsonObject &fields) const
{
    const QString text = m_edit->text().trimmed();
    if (!text.isEmpty())
        fields.insert(kKey, text);
    else if (m_hadValue)
        fields.insert(kKey, QStringLiteral("system"));
}

void ProxyField::showProblem(QMap<QString, QString> &byField)
{
    const QString problem = byField.take(kKey);
    m_note->setProblem(m_edit, problem);
    if (problem.isEmpty())
        m_note->setHint(hint());
}

} // namespace ct::ui

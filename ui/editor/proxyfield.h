#pragma once
// The `proxy` row of an account form (Gotify and OpenIM alike): "system" (empty), "none" or a
// proxy URL, checked by the config validator like every other field (core/config/proxysetting.h).
// A proxy URL may hold a password: the field never logs it and its problem never quotes it.
#include <QObject>

class QFormLayout;
class QJsonObject;
class QLineEdit;
template <typename Key, typename T> class QMap;

namespace ct::ui {

class FieldNote;

class ProxyField : public QObject
{
    Q_OBJECT
public:
    // The row's widgets belong to the form they are added to (addTo).
    explicit ProxyField(QObject *parent = nullptr);

    // Adds the labelled row (label mnemonic: Alt+X) to `form`.
    void addTo(QFormLayout *form);
    // The account's value as the config holds it ("" = the system's).
    void load(const QString &proxy);
    // Writes `proxy` into the account's fields: the typed value, or "system" when the user
    // cleared a value the account had (so the file's old proxy does not stay).
    void writeTo(QJsonObject &fields) const;
    // Takes the "proxy" problem out of `byField` and shows it under the field.
    void showProblem(QMap<QString, QString> &byField);

    QLineEdit *edit() const { return m_edit; }

Q_SIGNALS:
    void changed();

private:
    static QString hint();

    QLineEdit *m_edit;
    FieldNote *m_note;
    bool m_hadValue = false;
};

} // namespace ct::ui

#include "jsonlocator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ct {
namespace {

class Locator
{
public:
    Locator(const QByteArray &json, const QStringList &path) : m_json(json), m_path(path) {}

    std::optional<QList<JsonSpan>> run()
    {
        skipSpace();
        if (!value())
            return std::nullopt;
        return m_found;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }
    bool at(char c) const { return m_pos < m_json.size() && m_json.at(m_pos) == c; }

    // Leaves m_pos after the closing quote.
    bool stringLiteral()
    {
        if (!at('"'))
            return false;
        ++m_pos;
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos++);
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                return true;
        }
        return false;
    }

    static QString decodeKey(const QByteArray &literal)
    {
        const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']');
        return doc.array().at(0).toString();
    }

    bool value()
    {
        skipSpace();
        if (m_pos >= m_json.size())
            return false;
        const qsizetype begin = m_pos;
        const char c = m_json.at(m_pos);
        bool ok = true;
        if (c == '{')
            ok = object();
        else if (c == '[')
            ok = array();
        else if (c == '"')
            ok = stringLiteral();
        else {
            while (m_pos < m_json.size()) {
                const char d = m_json.at(m_pos);
                if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\n' || d == '\r')
                    break;
                ++m_pos;
            }
            ok = m_pos > begin;
        }
        if (ok && m_keys == m_path)
            m_found.append({begin, m_pos, c == '"'});
        return ok;
    }

    bool object()
    {
        ++m_pos; // '{'
        skipSpace();
        if (at('}')) {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            const qsizetype keyBegin = m_pos;
            if (!stringLiteral())
                return false;
            m_keys.append(decodeKey(m_json.mid(keyBegin, m_pos - keyBegin)));
            skipSpace();
            if (!at(':'))
                return false;
            ++m_pos;
            const bool ok = value();
            m_keys.removeLast();
            if (!ok)
                return false;
            skipSpace();
            if (at(',')) {
                ++m_pos;
                continue;
            }
            if (at('}')) {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    bool array()
    {
        ++m_pos; // '['
        skipSpace();
        if (at(']')) {
            ++m_pos;
            return true;
        }
        // Array items get a key segment that no path segment can equal.
        m_keys.append(QStringLiteral("\x01[]"));
        while (true) {
            if (!value()) {
                m_keys.removeLast();
                return false;
            }
            skipSpace();
            if (at(',')) {
                ++m_pos;
                continue;
            }
            m_keys.removeLast();
            if (at(']')) {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    const QByteArray &m_json;
    const QStringList &m_path;
    QStringList m_keys;
    QList<JsonSpan> m_found;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<QList<JsonSpan>> locateJsonValues(const QByteArray &json, const QStringList &path)
{
    return Locator(json, path).run();
}

QByteArray jsonStringLiteral(const QString &text)
{
    // QJsonDocument escapes exactly as JSON requires; take the literal out of a one-item array.
    const QByteArray compact = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return compact.mid(1, compact.size() - 2);
}

} // namespace ct

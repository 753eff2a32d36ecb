#include "sqlitestatement.h"

#include <QVariant>

#include <sqlite3.h>

namespace ct {

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql, QString *error)
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_db = db;
    m_failed = false;
    m_prepareError.clear();
    if (!m_db) {
        m_prepareError = QStringLiteral("history is not open");
    } else {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
            m_prepareError = QString::fromUtf8(sqlite3_errmsg(m_db));
            m_stmt = nullptr;
        }
    }
    if (m_stmt)
        return true;
    if (error)
        *error = m_prepareError;
    return false;
}

namespace {
const void *textData(const QString &text)
{
    static const char16_t empty[] = u"";
    return text.isNull() ? static_cast<const void *>(empty) : static_cast<const void *>(text.utf16());
}
} // namespace

void SqliteStatement::bind(int index, const QString &text)
{
    sqlite3_bind_text16(m_stmt, index, textData(text), int(text.size() * 2), SQLITE_TRANSIENT);
}

void SqliteStatement::bindRef(int index, const QString &text)
{
    sqlite3_bind_text16(m_stmt, index, textData(text), int(text.size() * 2), SQLITE_STATIC);
}

namespace {
// UTF-16 → UTF-8 into out (room for 3 bytes per code unit). A lone surrogate becomes U+FFFD.
size_t toUtf8(QStringView text, char *out)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    char *o = out;
    while (p < end) {
        char32_t c = *p++;
        if (c < 0x80) {
            *o++ = char(c);
            continue;
        }
        if (c < 0x800) {
            *o++ = char(0xc0 | (c >> 6));
            *o++ = char(0x80 | (c & 0x3f));
            continue;
        }
        if (c >= 0xd800 && c <= 0xdfff) {
            if (c <= 0xdbff && p < end && *p >= 0xdc00 && *p <= 0xdfff) {
                c = 0x10000 + ((c - 0xd800) << 10) + (char32_t(*p++) - 0xdc00);
                *o++ = char(0xf0 | (c >> 18));
                *o++ = char(0x80 | ((c >> 12) & 0x3f));
                *o++ = char(0x80 | ((c >> 6) & 0x3f));
                *o++ = char(0x80 | (c & 0x3f));
                continue;
            }
            c = 0xfffd;
        }
        *o++ = char(0xe0 | (c >> 12));
        *o++ = char(0x80 | ((c >> 6) & 0x3f));
        *o++ = char(0x80 | (c & 0x3f));
    }
    return size_t(o - out);
}
} // namespace

void SqliteStatement::reserveRow(qsizetype utf16Units)
{
    const size_t needed = size_t(utf16Units) * 3;
    if (m_row.size() < needed)
        m_row.resize(needed); // no text of the previous row is still bound: it has run
    m_rowUsed = 0;
}

void SqliteStatement::bindUtf8(int index, QStringView text)
{
    if (text.isEmpty()) {
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        return;
    }
    const size_t room = size_t(text.size()) * 3;
    if (m_rowUsed + room > m_row.size()) { // not reserved: let SQLite copy it
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    char *start = m_row.data() + m_rowUsed;
    const size_t length = toUtf8(text, start);
    m_rowUsed += length;
    sqlite3_bind_text(m_stmt, index, start, int(length), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bindValue(int index, const QVariant &value)
{
    if (value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isNull()))
        bindNull(index);
    else if (value.typeId() == QMetaType::QString)
        bind(index, value.toString());
    else
        bind(index, value.toLongLong());
}

bool SqliteStatement::next(QString *error)
{
    m_failed = false;
    if (!m_stmt) {
        m_failed = true;
        if (error)
            *error = m_prepareError;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    sqlite3_reset(m_stmt);
    return false;
}

void SqliteStatement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    // UTF-16 as SQLite converts it, as the driver read it (invalid UTF-8 becomes U+FFFD the same way).
    const void *data = sqlite3_column_text16(m_stmt, column);
    if (!data)
        return {};
    return QString(static_cast<const QChar *>(data), sqlite3_column_bytes16(m_stmt, column) / int(sizeof(QChar)));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int SqliteStatement::exec(QString *error)
{
    if (!m_stmt) {
        if (error)
            *error = m_prepareError;
        return -1;
    }
    const int rc = sqlite3_step(m_stmt);
    const int changes = rc == SQLITE_DONE ? sqlite3_changes(m_db) : -1;
    if (changes < 0 && error)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    return changes;
}

} // namespace ct

namespace ct {

int SqliteStatement::queryInt64(qint64 *value, QString *error)
{
    return queryInt64s(value, 1, error);
}

int SqliteStatement::queryInt64s(qint64 *values, int count, QString *error)
{
    if (!m_stmt) {
        if (error)
            *error = m_prepareError;
        return -1;
    }
    const int rc = sqlite3_step(m_stmt);
    int result = -1;
    if (rc == SQLITE_ROW) {
        for (int c = 0; c < count; ++c)
            values[c] = sqlite3_column_int64(m_stmt, c);
        result = 1;
    } else if (rc == SQLITE_DONE) {
        result = 0;
    } else if (error) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    sqlite3_reset(m_stmt);
    return result;
}

} // namespace ct

#pragma once
// What every libFuzzer target here shares: a check that stops the run with a message (a
// failed property is a crash, so libFuzzer keeps the input), and a reader that splits one
// input into the several values a target needs.
#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The property `cond` must hold; otherwise prints `what` and aborts (libFuzzer saves the input).
#define FUZZ_CHECK(cond, what)                                                                                    \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s\n  %s\n  at %s:%d\n", #cond, qPrintable(QString(what)),   \
                         __FILE__, __LINE__);                                                                     \
            std::abort();                                                                                         \
        }                                                                                                         \
    } while (0)

namespace ctfuzz {

// Takes values off the front of the input. Every take succeeds (an exhausted input gives
// zeros and empty texts), so every input is used.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size) : m_data(reinterpret_cast<const char *>(data)), m_size(size) {}

    uint8_t byte() { return m_pos < m_size ? uint8_t(m_data[m_pos++]) : 0; }
    // The bytes up to the next `separator` (which is consumed), or to the end.
    QByteArray until(char separator)
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != separator)
            ++m_pos;
        const QByteArray out(m_data + start, qsizetype(m_pos - start));
        if (m_pos < m_size)
            ++m_pos;
        return out;
    }
    QByteArray rest()
    {
        const QByteArray out(m_data + m_pos, qsizetype(m_size - m_pos));
        m_pos = m_size;
        return out;
    }

private:
    const char *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

} // namespace ctfuzz

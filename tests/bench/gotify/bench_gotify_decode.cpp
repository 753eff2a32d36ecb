// Gotify frame decode benchmark: ns per typical stream frame for decodeGotifyFrame (the frame
// scanner, which falls back to JSON for other frames) and for decodeGotifyFrameViaJson (the
// QJsonDocument path), 1,000,000 frames each. Not a test; it prints figures.
//
// Every frame has its own id and text. They are made in batches of 1,000 outside the timed
// part and decoded right after, so a frame is as warm in the cache as one just read from the
// socket (1,000,000 frames made up front would measure memory misses instead).
#include "gotify/gotifydecoder.h"

#include <QElapsedTimer>
#include <QStringList>
#include <cstdio>

using namespace ct;

namespace {

constexpr int kFrames = 1000000;
constexpr int kBatch = 1000;

QString typicalFrame(int id)
{
    return QStringLiteral("{\"id\":%1,\"appid\":1,\"message\":\"benchmark message number %1 with some text\","
                          "\"title\":\"bench\",\"priority\":5,\"date\":\"2026-11-22T10:00:00.123456789Z\"}")
        .arg(id);
}

template <typename Decode> void measure(const char *name, Decode decode)
{
    const AccountAddress account{kGotifyChannel, QStringLiteral("bench")};
    qint64 ns = 0;
    qint64 checksum = 0; // uses every result, so nothing is optimised away
    QStringList batch;
    batch.reserve(kBatch);
    for (int first = 1; first <= kFrames; first += kBatch) {
        batch.clear();
        for (int id = first; id < first + kBatch; ++id)
            batch.append(typicalFrame(id));
        QElapsedTimer t;
        t.start();
        for (const QString &f : batch) {
            const std::optional<InboundMessage> m = decode(f, account);
            checksum += m ? m->priority + m->text.size() : -1;
        }
        ns += t.nsecsElapsed();
    }
    std::printf("%-26s %7.1f ns/frame  (%d frames, checksum %lld)\n", name, double(ns) / kFrames, kFrames,
                static_cast<long long>(checksum));
}

} // namespace

int main()
{
    // Each twice: the first round also warms up the allocator.
    for (int round = 0; round < 2; ++round) {
        measure("decodeGotifyFrame",
                [](const QString &f, const AccountAddress &a) { return decodeGotifyFrame(f, a); });
        measure("decodeGotifyFrameViaJson", decodeGotifyFrameViaJson);
    }
    return 0;
}
